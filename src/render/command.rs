//! `article-atlas render`: open an article (or project) as `analyze` and the
//! app do ([`crate::article::load`]), lay out its picture
//! ([`crate::picture`]) and write it as PNG, SVG or PDF, chosen by the
//! output's extension.

use std::path::{Path, PathBuf};

use egui::vec2;

use super::picture::{MAX_SIDE_PX, picture_bytes};
use crate::analysis::{Analysis, Analyzer, Unwatched};
use crate::article::load_path;
use crate::cartography::ProjectionKind;
use crate::export::write_atomically;
use crate::map::MapTheme;
use crate::picture::{PictureFormat, PictureSpec, Scene, build};
use crate::place::Place;

/// What `render` was asked for: its command-line arguments, used as they are.
#[derive(clap::Args, Clone, Debug, PartialEq)]
pub struct RenderJob {
    /// The article or project (`-` for standard input); several, or a
    /// folder, draw the collection (per place: the articles naming it).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The picture to write: PNG, SVG or PDF by its extension (`.png`, `.svg`, `.pdf`).
    #[arg(long, short)]
    pub output: PathBuf,
    /// The projection (default: the project's, else Equal Earth).
    #[arg(long, value_enum)]
    pub projection: Option<ProjectionKind>,
    /// Width in points (pixels at scale 1).
    #[arg(long, default_value_t = 1920)]
    pub width: u32,
    /// Height in points.
    #[arg(long, default_value_t = 1080)]
    pub height: u32,
    /// Pixels per point (2 for a sharper, twice as large picture).
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// Colours (default: the project's theme, else light).
    #[arg(long, value_enum)]
    pub theme: Option<MapTheme>,
    /// Draw this country (ISO 3166 code, e.g. FRA) selected.
    #[arg(long)]
    pub select: Option<String>,
    /// The title (default: the article's title, see the README).
    #[arg(long)]
    pub title: Option<String>,
    /// The line under the title (default: the source and date the article names).
    #[arg(long)]
    pub subtitle: Option<String>,
    /// No title (and no subtitle).
    #[arg(long)]
    pub no_title: bool,
    /// No legend.
    #[arg(long)]
    pub no_legend: bool,
    /// No attribution.
    #[arg(long)]
    pub no_attribution: bool,
    /// A colour-blind-safe colour scale (viridis).
    #[arg(long)]
    pub colorblind: bool,
    /// Great circles between countries named in the same passage.
    #[arg(long)]
    pub links: bool,
    /// Also print the picture's caption (its alt text) on standard output.
    #[arg(long)]
    pub caption: bool,
}

/// The highest scale accepted.
pub const MAX_SCALE: f32 = 8.0;

/// The picture size in points and the scale after capping each side at
/// [`MAX_SIDE_PX`] pixels, and a warning when it was capped. Errors for a
/// zero size or a scale that is not a positive number up to [`MAX_SCALE`].
pub fn checked_size(width: u32, height: u32, scale: f32) -> Result<((f32, f32), Option<String>), String> {
    if width == 0 || height == 0 {
        return Err(format!(
            "invalid size {width}×{height}: width and height must be at least 1"
        ));
    }
    if !(scale.is_finite() && scale > 0.0 && scale <= MAX_SCALE) {
        return Err(format!(
            "invalid scale {scale}: use a number above 0 and at most {MAX_SCALE}"
        ));
    }
    let max_points = MAX_SIDE_PX as f32 / scale;
    let (w, h) = (width as f32, height as f32);
    let (cw, ch) = (w.min(max_points).floor().max(1.0), h.min(max_points).floor().max(1.0));
    let warning = (cw < w || ch < h).then(|| {
        format!(
            "{width}×{height} at scale {scale} exceeds {MAX_SIDE_PX} px per side; capped to {}×{} px",
            (cw * scale).round(),
            (ch * scale).round()
        )
    });
    Ok(((cw, ch), warning))
}

/// Check that `output` can be created: its folder exists and it is not a folder.
fn check_output(output: &Path) -> Result<(), String> {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if output.is_dir() {
        return Err(format!("{}: cannot write: is a folder", output.display()));
    }
    if !parent.is_dir() {
        return Err(format!(
            "{}: cannot write: folder {} does not exist",
            output.display(),
            parent.display()
        ));
    }
    Ok(())
}

/// The country `code` (alpha-3 or alpha-2, any case) as a pick, if the
/// article mentions it.
fn selected_country(analysis: &Analysis, code: &str) -> Result<Place, String> {
    let g = Analyzer::builtin().gazetteer();
    let code = code.trim().to_ascii_uppercase();
    let index = g
        .country_index(&code)
        .or_else(|| {
            g.countries
                .iter()
                .position(|c| !c.iso2.is_empty() && c.iso2.eq_ignore_ascii_case(&code))
        })
        .ok_or_else(|| format!("unknown country code {code:?} for --select (use an ISO 3166 code such as FRA)"))?;
    if analysis.summary(Place::country_at(index)).is_none() {
        return Err(format!(
            "--select {code}: {} is not mentioned in the article",
            g.countries[index].name
        ));
    }
    Ok(Place::country_at(index))
}

/// Run `render`, telling `warn` of anything worth knowing (warnings are
/// only given once the request was checked); returns the picture's caption,
/// or a one-line error.
pub fn run(job: &RenderJob, warn: &mut dyn FnMut(&str)) -> Result<String, String> {
    let scene = prepare(job, warn)?;
    let format = PictureFormat::from_path(&job.output);
    let bytes = picture_bytes(&scene, format, job.scale)?;
    write_atomically(&job.output, &bytes).map_err(|e| format!("{}: cannot write: {e}", job.output.display()))?;
    Ok(scene.caption)
}

/// Check the request, open the article and lay out its picture (what
/// [`run`] writes).
pub fn prepare(job: &RenderJob, warn: &mut dyn FnMut(&str)) -> Result<Scene, String> {
    let ((width, height), capped) = checked_size(job.width, job.height, job.scale)?;
    check_output(&job.output)?;
    let opened = match job.files.as_slice() {
        [file] if !file.is_dir() => Opened::article(file, warn)?,
        files => Opened::collection(files, warn)?,
    };
    let selected = job
        .select
        .as_deref()
        .map(|code| selected_country(&opened.analysis, code))
        .transpose()?;
    if let Some(w) = capped {
        warn(&w);
    }
    let spec = PictureSpec {
        theme: job.theme.or(opened.theme).unwrap_or_default(),
        colorblind: job.colorblind,
        show_legend: !job.no_legend,
        show_attribution: !job.no_attribution,
        show_links: job.links,
        title: (!job.no_title).then(|| job.title.clone().unwrap_or(opened.title)),
        subtitle: if job.no_title {
            None
        } else {
            job.subtitle.clone().or(opened.subtitle)
        },
        selected,
        notes: opened.notes,
        unit: opened.unit,
        ..PictureSpec::new(
            vec2(width, height),
            job.projection.or(opened.projection).unwrap_or_default(),
        )
    };
    Ok(build(&opened.analysis, &spec))
}

/// What a picture is drawn of: one article (or project), or a collection.
struct Opened {
    analysis: Analysis,
    title: String,
    subtitle: Option<String>,
    unit: &'static str,
    theme: Option<MapTheme>,
    projection: Option<ProjectionKind>,
    notes: Vec<crate::cartography::Note>,
}

impl Opened {
    fn article(file: &Path, warn: &mut dyn FnMut(&str)) -> Result<Opened, String> {
        let loaded = load_path(file, &Unwatched)?;
        let article = loaded.article;
        for w in &article.analysis.warnings {
            warn(w);
        }
        for problem in &article.problems {
            warn(&format!("{}: {problem}", file.display()));
        }
        Ok(Opened {
            title: article.title(),
            subtitle: crate::import::title::source_and_date(&article.analysis.document.text),
            unit: "mentions",
            theme: loaded.theme,
            projection: loaded.projection,
            notes: loaded.notes,
            analysis: article.analysis,
        })
    }

    /// The collection's geography, titled after its folder (or "N articles")
    /// with its span of dates under it.
    fn collection(files: &[PathBuf], warn: &mut dyn FnMut(&str)) -> Result<Opened, String> {
        let paths = crate::collection::discover(files);
        let progress = crate::collection::Progress::default();
        let members = crate::collection::analyse_files(&paths, &|_| Vec::new(), &progress).ok_or("cancelled")?;
        for m in &members {
            if let Err(reason) = &m.digest {
                warn(&format!("{}: {reason}", m.path.display()));
            }
        }
        let all = crate::collection::aggregate(&members, &|_| true, crate::collection::Count::Articles);
        if all.articles == 0 {
            return Err(format!("none of the {} files could be read", members.len()));
        }
        let count = format!("{} article{}", all.articles, if all.articles == 1 { "" } else { "s" });
        let title = match files {
            [folder] if folder.is_dir() => {
                let name = crate::article::load::display_name(folder);
                format!("{name} ({count})")
            }
            _ => count,
        };
        let days: Vec<crate::collection::Day> = members.iter().filter_map(|m| m.date).collect();
        let subtitle = match (days.iter().min(), days.iter().max()) {
            (Some(a), Some(b)) if a == b => Some(a.to_string()),
            (Some(a), Some(b)) => Some(format!("{a} to {b}")),
            _ => None,
        };
        Ok(Opened {
            analysis: all.analysis,
            title,
            subtitle,
            unit: "articles",
            theme: None,
            projection: None,
            notes: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_checked_and_capped() {
        assert!(checked_size(0, 10, 1.0).is_err());
        assert!(checked_size(10, 10, 0.0).is_err());
        assert!(checked_size(10, 10, f32::NAN).is_err());
        assert_eq!(checked_size(1920, 1080, 1.0).unwrap(), ((1920.0, 1080.0), None));
        let ((w, h), warning) = checked_size(100_000, 1080, 2.0).unwrap();
        assert_eq!((w, h), (4096.0, 1080.0));
        assert!(warning.unwrap().contains("capped to 8192×2160"));
    }
}
