//! Throughput of the whole analysis (paragraphs, sentences, matching, rules,
//! summaries) on a generated 32 MB news-like corpus, as one text (so its
//! scan and the reading around its names run in parts on every core, as
//! `analyze` does with a long file). Each timing takes a copy of the text
//! made before it and leaves the analysis to be dropped after it; the
//! allocator has the app's settings (glibc's own thresholds).
//!
//! The corpus mixes the bundled article with generated paragraphs whose
//! sentences name countries, capitals, demonyms, regions, first names and
//! newspaper bylines among ordinary words: one mention every 8 words, 4.5
//! times as dense as news (the dev corpora's news has one every 36 words).
//! Run: `cargo bench --bench analyze`.
//!
//! `ATLAS_BENCH_TEXT=FILE cargo bench --bench analyze` also times the same
//! analysis of a real text (read only when asked): for example 20 MB of the
//! annotated news corpora's texts written by `scripts/make_long_article.py`.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

use article_atlas::analysis::Analyzer;
use article_atlas::gazetteer::Gazetteer;
use article_atlas::text::Document;

/// The allocator of the `article-atlas` binary.
#[global_allocator]
static MEMORY: article_atlas::memory::HugePages = article_atlas::memory::HugePages;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a, T: AsRef<str> + ?Sized>(&mut self, items: &'a [&'a T]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize].as_ref()
    }
}

const FILLER: &[&str] = &[
    "the",
    "government",
    "said",
    "on",
    "Tuesday",
    "that",
    "officials",
    "would",
    "meet",
    "to",
    "discuss",
    "security",
    "and",
    "trade",
    "after",
    "weeks",
    "of",
    "talks",
    "in",
    "which",
    "both",
    "sides",
    "accused",
    "each",
    "other",
    "of",
    "bad",
    "faith",
    "while",
    "analysts",
    "warned",
    "markets",
    "could",
    "react",
    "sharply",
    "Mr.",
    "Smith",
    "told",
    "reporters",
    "it's",
    "a",
    "difficult",
    "moment",
    "for",
    "everyone",
    "involved",
    "nearly",
    "percent",
    "increase",
    "over",
    "last",
    "year's",
    "figures",
    "according",
    "to",
    "data",
    "released",
    "by",
    "ministry",
];

/// About `target` bytes of news-like text, deterministic.
fn corpus(target: usize) -> String {
    let g = Gazetteer::builtin();
    let countries: Vec<&str> = g.countries.iter().map(|c| c.name.as_str()).collect();
    let demonyms: Vec<&str> = g
        .countries
        .iter()
        .flat_map(|c| c.demonyms.iter().map(String::as_str))
        .collect();
    // Towns and cities of the size news names most.
    let cities: Vec<&str> = g
        .cities
        .iter()
        .filter(|c| c.population >= 100_000)
        .map(|c| c.name)
        .collect();
    let regions: Vec<&str> = g
        .regions
        .iter()
        .flat_map(|r| r.variants.iter().map(String::as_str))
        .collect();
    let tricky = [
        "Michael Jordan",
        "George Washington",
        "The New York Times",
        "Washington",
        "roast Turkey",
        "U.S.",
        "Indian Ocean",
        "Latin American",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::with_capacity(target + 10_000);
    while out.len() < target {
        if rng.next().is_multiple_of(50) {
            out.push_str(article_atlas::BUNDLED_ARTICLE);
            out.push('\n');
            continue;
        }
        for _ in 0..(3 + rng.next() % 4) {
            let words = 12 + rng.next() % 20;
            for w in 0..words {
                let word = match rng.next() % 15 {
                    0 => rng.pick(&countries),
                    1 if rng.next().is_multiple_of(2) => rng.pick(&demonyms),
                    1 => rng.pick(&cities),
                    2 if rng.next().is_multiple_of(4) => rng.pick(&regions),
                    2 if rng.next().is_multiple_of(4) => rng.pick(&tricky),
                    _ => rng.pick(FILLER),
                };
                if w == 0 {
                    let mut c = word.chars();
                    if let Some(first) = c.next() {
                        out.extend(first.to_uppercase());
                        out.push_str(c.as_str());
                    }
                } else {
                    out.push(' ');
                    out.push_str(word);
                }
            }
            out.push_str(". ");
        }
        out.push('\n');
    }
    out
}

/// Say how densely `text` names places (news names one every 30 to 40 words).
fn density(what: &str, analyzer: &Analyzer, text: &str) {
    let mentions = analyzer.analyze_text(text).mentions.len();
    let words = text.split_whitespace().count();
    eprintln!(
        "{what}: {mentions} mentions in {words} words, one every {:.1}",
        words as f64 / mentions.max(1) as f64
    );
}

fn analyze_throughput(c: &mut Criterion) {
    let text = corpus(32 << 20);
    let analyzer = Analyzer::builtin();
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("news_corpus_32MB", |b| {
        // The text copied before and the analysis dropped after each timing:
        // the analysis is what is measured.
        b.iter_batched(
            || text.clone(),
            |text| {
                let analysis = analyzer.analyze(Document::new(text));
                assert!(analysis.countries.len() > 200);
                analysis
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
    density("generated corpus", analyzer, &text);
    if let Some(path) = std::env::var_os("ATLAS_BENCH_TEXT") {
        let text = std::fs::read_to_string(&path).expect("ATLAS_BENCH_TEXT names a UTF-8 text file");
        density("ATLAS_BENCH_TEXT", analyzer, &text);
        let mut group = c.benchmark_group("analyze_file");
        group.sample_size(10);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("ATLAS_BENCH_TEXT", |b| {
            b.iter_batched(
                || text.clone(),
                |text| analyzer.analyze(Document::new(text)),
                BatchSize::LargeInput,
            )
        });
        group.finish();
    }
    let mut group = c.benchmark_group("analyze_small");
    group.throughput(Throughput::Bytes(article_atlas::BUNDLED_ARTICLE.len() as u64));
    group.bench_function("bundled_article", |b| {
        b.iter(|| analyzer.analyze_text(article_atlas::BUNDLED_ARTICLE).mentions.len())
    });
    group.finish();
}

criterion_group!(benches, analyze_throughput);
criterion_main!(benches);
