//! CSV output: one row per mention.

use std::io::Write;

use super::{city_name, target_code, target_name};
use crate::analysis::Analysis;
use crate::gazetteer::Gazetteer;

/// Quote a CSV field when it needs it (RFC 4180).
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

/// Write one row per mention: `target,name,kind,surface,start,end,passage,paragraph,city,passage_text`.
pub fn write_csv(a: &Analysis, g: &Gazetteer, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(out);
    writeln!(
        w,
        "target,name,kind,surface,start,end,passage,paragraph,city,passage_text"
    )?;
    let doc = &a.document;
    for m in &a.mentions {
        let sentence = doc.sentences[m.passage];
        writeln!(
            w,
            "{},{},{},{},{},{},{},{},{},{}",
            field(target_code(g, m)),
            field(target_name(g, m)),
            m.kind.as_str(),
            field(doc.slice(m.span)),
            m.span.start,
            m.span.end,
            m.passage,
            sentence.paragraph,
            field(city_name(g, m).unwrap_or("")),
            field(doc.slice(sentence.span)),
        )?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_are_quoted_when_needed() {
        assert_eq!(super::field("Doha"), "Doha");
        assert_eq!(super::field("Doha, Qatar"), "\"Doha, Qatar\"");
        assert_eq!(super::field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
