//! Importing real-looking files: a saved news page and a Markdown article
//! become clean paragraphs, and the analysis finds the right places in the
//! right passages.

use std::path::Path;

use article_atlas::analysis::{Analysis, Analyzer};
use article_atlas::import::{Imported, SourceFormat, import};
use article_atlas::text::Document;

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Floods Sweep Pakistan as Aid Arrives | The Daily Ledger</title>
  <link rel="stylesheet" href="/static/site.css">
  <style>
    .headline { font: 700 2em Georgia, serif; }  /* Georgia is a font here */
  </style>
  <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Floods in Pakistan", "locationCreated": "Chad"}</script>
  <script>window.dataLayer = []; if (a < b && c > d) { document.write("<p>Peru</p>"); }</script>
</head>
<body class="article">
  <header class="site-header">
    <a class="logo" href="/">The Daily Ledger</a>
    <nav aria-label="Sections">
      <ul><li><a href="/world">World</a></li><li><a href="/europe">Europe</a></li><li><a href="/asia">Asia</a></li></ul>
    </nav>
  </header>
  <!-- ad slot: Brazil campaign -->
  <main>
    <article>
      <h1 class="headline">Floods Sweep <em>Pakistan</em> as Aid Arrives</h1>
      <p class="byline">By <a href="/staff/jdoe">Jane Doe</a> &amp; Omar Khan</p>
      <figure>
        <img src="flood.jpg" alt="A flooded street in Iran">
        <figcaption>Residents wade through water in Sindh, Pakistan.</figcaption>
      </figure>
      <p>ISLAMABAD &mdash; Monsoon rains have flooded a third of <strong>Pakistan</strong>,
         officials said on Tuesday, and aid flights from <a href="/tags/turkey">Turkey</a>
         and the United&nbsp;Arab&nbsp;Emirates landed in Karachi.</p>
      <p>&ldquo;We have never seen anything like this,&rdquo; said a minister. India offered
         help; China&#8217;s embassy said supplies were on the way.</p>
      <blockquote><p>The world must act now.</p></blockquote>
      <script>loadAd("inline-1")</script>
      <p>Neighbouring Afghanistan<br>was also hit.</p>
    </article>
    <aside class="related"><h2>Related</h2><ul><li><a href="/x">Drought grips Kenya</a></li></ul></aside>
  </main>
  <footer><p>&copy; 2022 The Daily Ledger</p></footer>
</body>
</html>
"#;

const MARKDOWN: &str = "---
title: \"Ceasefire talks resume in Doha\"
author: Staff
tags: [qatar, diplomacy]
---

# Ceasefire talks resume

Negotiators from *Israel* and **Hamas** met in
[Doha](https://example.com/doha \"Doha\"), the capital of
Qatar, on Sunday.

![Map of the region](map.png)

Mediators included:

- officials from Egypt,
- envoys of the _United States_, and
  their aides;
1. a delegation from `Jordan`.

> Talks were \"constructive\",
> said an official in Cairo.

See the [full timeline][timeline].

[timeline]: https://example.com/timeline
";

fn imported(text: &str, name: &str) -> Imported {
    import(text.as_bytes().to_vec(), Path::new(name)).unwrap()
}

fn paragraphs(text: &str) -> Vec<String> {
    let doc = Document::new(text.to_string());
    doc.paragraphs.iter().map(|p| doc.slice(p.span).to_string()).collect()
}

/// Each country found, with the text of the passages that mention it.
fn places(a: &Analysis) -> Vec<(String, Vec<String>)> {
    a.countries
        .iter()
        .map(|c| {
            let passages = c
                .passages
                .iter()
                .map(|&p| a.document.slice(a.document.sentences[p].span).to_string())
                .collect();
            (c.code.clone(), passages)
        })
        .collect()
}

#[test]
fn a_saved_news_page_keeps_only_the_readable_text() {
    let got = imported(PAGE, "floods.html");
    assert_eq!(got.format, SourceFormat::Html);
    assert_eq!(
        got.title.as_deref(),
        Some("Floods Sweep Pakistan as Aid Arrives | The Daily Ledger")
    );
    assert!(got.warnings.is_empty());
    assert_eq!(
        paragraphs(&got.text),
        [
            "The Daily Ledger",
            "Floods Sweep Pakistan as Aid Arrives",
            "By Jane Doe & Omar Khan",
            "Residents wade through water in Sindh, Pakistan.",
            "ISLAMABAD \u{2014} Monsoon rains have flooded a third of Pakistan, officials said on Tuesday, and aid flights from Turkey and the United Arab Emirates landed in Karachi.",
            "\u{201C}We have never seen anything like this,\u{201D} said a minister. India offered help; China\u{2019}s embassy said supplies were on the way.",
            "The world must act now.",
            "Neighbouring Afghanistan",
            "was also hit.",
            "Related",
            "Drought grips Kenya",
            "\u{A9} 2022 The Daily Ledger",
        ]
    );
    // Nothing from the head, scripts, styles, navigation, comments or alt text.
    for absent in [
        "Georgia",
        "Chad",
        "Peru",
        "Europe",
        "Asia",
        "Brazil",
        "Iran",
        "dataLayer",
        "loadAd",
    ] {
        assert!(!got.text.contains(absent), "{absent} leaked into {:?}", got.text);
    }
}

#[test]
fn the_news_page_is_analysed_passage_by_passage() {
    let a = Analyzer::builtin().analyze(Document::new(imported(PAGE, "floods.htm").text));
    let flood_sentence = "ISLAMABAD \u{2014} Monsoon rains have flooded a third of Pakistan, officials said on Tuesday, and aid flights from Turkey and the United Arab Emirates landed in Karachi.";
    let found = places(&a);
    let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["PAK", "TUR", "ARE", "IND", "CHN", "AFG", "KEN"]);
    assert_eq!(
        found[0].1,
        [
            "Floods Sweep Pakistan as Aid Arrives",
            "Residents wade through water in Sindh, Pakistan.",
            flood_sentence,
        ]
    );
    assert_eq!(a.country("PAK").unwrap().mentions, 6); // 3 "Pakistan", Islamabad, Karachi, Sindh
    assert_eq!(found[1].1, [flood_sentence]);
    assert_eq!(
        found[3].1,
        ["India offered help; China\u{2019}s embassy said supplies were on the way."]
    );
    assert_eq!(found[5].1, ["Neighbouring Afghanistan"]);
}

#[test]
fn a_markdown_article_loses_its_markup_and_joins_wrapped_lines() {
    let got = imported(MARKDOWN, "talks.md");
    assert_eq!(got.format, SourceFormat::Markdown);
    assert_eq!(got.title.as_deref(), Some("Ceasefire talks resume in Doha"));
    assert_eq!(
        paragraphs(&got.text),
        [
            "Ceasefire talks resume",
            "Negotiators from Israel and Hamas met in Doha, the capital of Qatar, on Sunday.",
            "Mediators included:",
            "officials from Egypt,",
            "envoys of the United States, and their aides;",
            "a delegation from Jordan.",
            "Talks were \"constructive\", said an official in Cairo.",
            "See the full timeline.",
        ]
    );

    let a = Analyzer::builtin().analyze(Document::new(got.text));
    assert_eq!(
        places(&a),
        [
            (
                "QAT".to_string(),
                vec!["Negotiators from Israel and Hamas met in Doha, the capital of Qatar, on Sunday.".to_string()]
            ),
            (
                "EGY".to_string(),
                vec![
                    "officials from Egypt,".to_string(),
                    "Talks were \"constructive\", said an official in Cairo.".to_string()
                ]
            ),
            (
                "ISR".to_string(),
                vec!["Negotiators from Israel and Hamas met in Doha, the capital of Qatar, on Sunday.".to_string()]
            ),
            (
                "USA".to_string(),
                vec!["envoys of the United States, and their aides;".to_string()]
            ),
            ("JOR".to_string(), vec!["a delegation from Jordan.".to_string()]),
        ]
    );
}

#[test]
fn without_a_front_matter_title_the_first_heading_is_the_title() {
    let got = imported("Intro line\n\n## Sudan's *long* war\n\nText.", "a.markdown");
    assert_eq!(got.title.as_deref(), Some("Sudan's long war"));
}

/// The countries found in `bytes` imported as `name`.
fn countries_in(bytes: &[u8], name: &str) -> Vec<String> {
    let got = import(bytes.to_vec(), std::path::Path::new(name)).unwrap();
    Analyzer::builtin()
        .analyze_text(&got.text)
        .countries
        .iter()
        .map(|c| c.code.clone())
        .collect()
}

#[test]
fn an_older_windows_1252_page_keeps_its_accents_declared_or_not() {
    // "Côte d’Ivoire" in Windows-1252: ô is 0xF4, the curly apostrophe 0x92.
    let body = b"<p>Talks in C\xf4te d\x92Ivoire and Cura\xe7ao went on.</p></body></html>";
    let declared = [
        b"<html><head><meta charset=\"windows-1252\"><title>Talks</title></head><body>".to_vec(),
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body>"
            .to_vec(),
        b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><body>".to_vec(),
    ];
    for head in declared {
        let page = [head, body.to_vec()].concat();
        let got = import(page.clone(), std::path::Path::new("old.html")).unwrap();
        assert!(got.text.contains("Côte d\u{2019}Ivoire and Curaçao"), "{}", got.text);
        assert!(
            got.warnings.is_empty(),
            "a declared encoding is no surprise: {:?}",
            got.warnings
        );
        assert_eq!(countries_in(&page, "old.html"), ["CIV", "CUW"]);
    }
    // No declaration: the encoding is guessed, with a warning.
    let bare = [b"<html><body>".to_vec(), body.to_vec()].concat();
    let got = import(bare.clone(), std::path::Path::new("old.htm")).unwrap();
    assert!(got.text.contains("Côte d\u{2019}Ivoire and Curaçao"), "{}", got.text);
    assert!(got.warnings[0].contains("windows-1252"), "{:?}", got.warnings);
    assert_eq!(countries_in(&bare, "old.htm"), ["CIV", "CUW"]);
}

#[test]
fn a_utf8_page_is_read_as_utf8_whatever_it_declares() {
    let page = "<html><head><meta charset=\"windows-1252\"></head><body><p>Talks in Côte d’Ivoire.</p></body></html>";
    let got = import(page.as_bytes().to_vec(), std::path::Path::new("new.html")).unwrap();
    assert_eq!(got.text, "Talks in Côte d’Ivoire.");
    assert!(got.warnings.is_empty());
}

#[test]
fn central_european_and_turkish_letters_written_as_references_decode() {
    let page = "<p>Flights from &Zcaron;ilina, &#321;&oacute;d&zacute; and &Idot;zmir via Bo&gbreve;azi&ccedil;i to Ni&scaron;, Serbia.</p>";
    let got = import(page.as_bytes().to_vec(), std::path::Path::new("cities.html")).unwrap();
    assert_eq!(
        got.text,
        "Flights from Žilina, Łódź and İzmir via Boğaziçi to Niš, Serbia."
    );
}
