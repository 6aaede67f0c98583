//! The `article-atlas` command: the desktop app by default, `analyze` and
//! `render` for the command line. Every input is opened the same way
//! ([`article_atlas::article::load`]).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use article_atlas::analysis::Unwatched;
use article_atlas::article::load_path;
use article_atlas::collection::command::analyze_collection;
use article_atlas::export::{self, Format};
use article_atlas::render::command::RenderJob;

/// Find every country an article refers to and map them.
#[derive(Parser)]
#[command(name = "article-atlas", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Article to open in the app (default: the bundled article); several, or
    /// a folder, open as a collection.
    files: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse an article (or a collection: several files, folders) and print the places it mentions.
    Analyze {
        /// Output format (a collection: JSON lines, one object per article;
        /// CSV: an article × country matrix).
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// For a collection: one object over all the articles (per place: articles and mentions).
        #[arg(long)]
        aggregate: bool,
        /// The article (`-` for standard input), or several, or folders of them.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Draw the map of an article as a PNG picture, without a window.
    Render(RenderJob),
}

/// Large blocks on huge pages ([`article_atlas::memory`]).
#[global_allocator]
static MEMORY: article_atlas::memory::HugePages = article_atlas::memory::HugePages;

fn analyze(file: &Path, format: Format, output: Option<&PathBuf>) -> Result<(), String> {
    let article = load_path(file, &Unwatched)?.article;
    let mut analysis = article.analysis;
    let problems = article.problems.iter().map(|p| format!("{}: {p}", file.display()));
    analysis.warnings.extend(problems);
    for w in &analysis.warnings {
        eprintln!("warning: {w}");
    }
    let g = article_atlas::gazetteer::Gazetteer::builtin();
    match output {
        Some(path) => {
            let mut buf = Vec::new();
            export::write(format, &analysis, g, &mut buf).map_err(|e| e.to_string())?;
            export::write_atomically(path, &buf).map_err(|e| format!("{}: cannot write: {e}", path.display()))
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

/// `analyze` over a collection: to `output` atomically, or to standard output.
fn analyze_many(files: &[PathBuf], format: Format, aggregate: bool, output: Option<&PathBuf>) -> Result<(), String> {
    let mut warn = |w: &str| eprintln!("warning: {w}");
    match output {
        Some(path) => {
            let mut buf = Vec::new();
            analyze_collection(files, format, aggregate, &mut buf, &mut warn)?;
            export::write_atomically(path, &buf).map_err(|e| format!("{}: cannot write: {e}", path.display()))
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let result = analyze_collection(files, format, aggregate, &mut out, &mut warn)
                .and_then(|()| out.flush().map_err(|e| e.to_string()));
            // A closed pipe (`| head`) is not an error worth reporting.
            match result {
                Err(e) if e.contains("Broken pipe") => Ok(()),
                other => other,
            }
        }
    }
}

/// A command-line mistake in one line: clap's message, the accepted values
/// when there is a list of them, and a pointer to `--help`.
fn one_line(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue};
    let text = e.render().to_string();
    let first = text.lines().next().unwrap_or("");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let valid = match e.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(values)) => format!(" (use {})", values.join(", ")),
        _ => String::new(),
    };
    format!("{first}{valid}; see --help")
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            eprintln!("article-atlas: {}", one_line(&e));
            return ExitCode::from(2);
        }
        // --help and --version.
        Err(e) => e.exit(),
    };
    if matches!(cli.command, Some(Command::Analyze { .. })) {
        article_atlas::memory::reuse_freed_memory();
        article_atlas::analysis::Analyzer::prepare_builtin();
    }
    let result = match &cli.command {
        Some(Command::Analyze {
            format,
            output,
            aggregate,
            files,
        }) => match files.as_slice() {
            [file] if !file.is_dir() && !aggregate => analyze(file, *format, output.as_ref()),
            _ => analyze_many(files, *format, *aggregate, output.as_ref()),
        },
        Some(Command::Render(job)) => {
            article_atlas::render::command::run(job, &mut |w| eprintln!("warning: {w}")).map(|caption| {
                if job.caption {
                    println!("{caption}");
                }
            })
        }
        None => article_atlas::app::run(cli.files.clone()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-atlas: {message}");
            ExitCode::from(2)
        }
    }
}
