//! Article Atlas: find every country, region and city a text refers to, and
//! map them.
//!
//! The analysis core ([`text`], [`gazetteer`], [`analysis`], [`export`]) is
//! pure: no GUI, no I/O beyond reading the input. [`import`] turns text,
//! Markdown and HTML files into article text; [`project`] saves and loads work
//! with its hand-made corrections. The command line and the desktop app both
//! call them.
//!
//! ```
//! use article_atlas::analysis::Analyzer;
//! let analysis = Analyzer::builtin().analyze_text("Talks in Doha, Qatar, drew Afghans.");
//! let codes: Vec<&str> = analysis.countries.iter().map(|c| c.code.as_str()).collect();
//! assert_eq!(codes, ["QAT", "AFG"]);
//! ```

pub mod analysis;
pub mod app;
pub mod article;
pub mod cartography;
pub mod collection;
pub mod export;
pub mod gazetteer;
pub mod import;
pub mod map;
pub mod memory;
pub mod picture;
pub mod place;
pub mod project;
pub mod render;
pub mod text;
pub mod world;

/// The article bundled with the app and opened by default.
pub const BUNDLED_ARTICLE: &str = include_str!("../data/articles/costa-clarke-2024-isis-k.txt");

/// The file name of the bundled article (shown as its source).
pub const BUNDLED_ARTICLE_NAME: &str = "costa-clarke-2024-isis-k.txt";
