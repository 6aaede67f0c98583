//! The `article-atlas` command: the desktop app by default, `analyze` for the
//! command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use article_atlas::analysis::Analyzer;
use article_atlas::export::{self, Format};
use article_atlas::project::{self, Opened};
use article_atlas::text::Document;

/// Find every country an article refers to and map them.
#[derive(Parser)]
#[command(name = "article-atlas", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Article to open in the app (default: the bundled article).
    file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse an article and print the places it mentions.
    Analyze {
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The article (`-` for standard input).
        file: PathBuf,
    },
}

fn analyze(file: &std::path::Path, format: Format, output: Option<&PathBuf>) -> Result<(), String> {
    let analyzer = Analyzer::builtin();
    let (mut analysis, warnings) = match project::open(file).map_err(|e| e.to_string())? {
        Opened::Article(article) => (analyzer.analyze(Document::new(article.text)), article.warnings),
        Opened::Project(project) => {
            let (analysis, problems) = project.analyze(analyzer);
            let warnings = problems.iter().map(|p| format!("{}: {p}", file.display())).collect();
            (analysis, warnings)
        }
    };
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    analysis.warnings = warnings;
    let g = analyzer.gazetteer();
    match output {
        Some(path) => {
            let mut buf = Vec::new();
            export::write(format, &analysis, g, &mut buf).map_err(|e| e.to_string())?;
            article_atlas::export::write_atomically(path, &buf)
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))
        }
        None => {
            let stdout = std::io::stdout();
            export::write(format, &analysis, g, &mut stdout.lock()).or_else(|e| {
                // A closed pipe (`| head`) is not an error worth reporting.
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    Ok(())
                } else {
                    Err(e.to_string())
                }
            })
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Analyze { format, output, file }) => analyze(file, *format, output.as_ref()),
        None => article_atlas::app::run(cli.file.clone()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-atlas: {message}");
            ExitCode::from(2)
        }
    }
}
