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
    /// Draw the map of an article as a PNG picture, without a window.
    Render {
        /// The article or project (`-` for standard input).
        file: PathBuf,
        /// The PNG file to write.
        #[arg(long, short)]
        output: PathBuf,
        /// Width in points (pixels at scale 1).
        #[arg(long, default_value_t = 1920)]
        width: u32,
        /// Height in points.
        #[arg(long, default_value_t = 1080)]
        height: u32,
        /// Pixels per point (2 for a sharper, twice as large picture).
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// Colours: light, dark or print.
        #[arg(long)]
        theme: Option<String>,
        /// Draw this country (ISO 3166 code, e.g. FRA) selected.
        #[arg(long)]
        select: Option<String>,
        /// The title (default: the article's title or first line).
        #[arg(long)]
        title: Option<String>,
        /// No title.
        #[arg(long)]
        no_title: bool,
        /// No legend.
        #[arg(long)]
        no_legend: bool,
        /// No attribution.
        #[arg(long)]
        no_attribution: bool,
        /// A colour-blind-safe colour scale (viridis).
        #[arg(long)]
        colorblind: bool,
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
        Some(Command::Render {
            file,
            output,
            width,
            height,
            scale,
            theme,
            select,
            title,
            no_title,
            no_legend,
            no_attribution,
            colorblind,
        }) => {
            let job = article_atlas::render::command::RenderJob {
                file: file.clone(),
                output: output.clone(),
                width: *width,
                height: *height,
                scale: *scale,
                theme: theme.clone(),
                select: select.clone(),
                title: title.clone(),
                no_title: *no_title,
                no_legend: *no_legend,
                no_attribution: *no_attribution,
                colorblind: *colorblind,
            };
            if std::env::var_os("NODEVICE_SELECT").is_none() {
                // Mesa's device-select Vulkan layer looks for a Wayland or X
                // display and prints errors when there is none; a picture
                // needs no display.
                // SAFETY: no other thread has been started yet.
                unsafe { std::env::set_var("NODEVICE_SELECT", "1") };
            }
            article_atlas::render::command::run(&job, &mut |w| eprintln!("warning: {w}"))
        }
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
