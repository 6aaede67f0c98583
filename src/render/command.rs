//! `article-atlas render`: read an article (or project) like `analyze`, draw
//! the app's map picture of it offscreen, and write a PNG.

use std::path::{Path, PathBuf};

use egui::vec2;

use super::picture::{MAX_SIDE_PX, Picture, render_picture};
use super::{Offscreen, png_bytes};
use crate::analysis::{Analysis, Analyzer};
use crate::export::write_atomically;
use crate::map::{MapOptions, MapTheme, default_title};
use crate::place::Place;
use crate::project::{self, Opened};
use crate::text::Document;

/// What `render` was asked for (the command-line arguments).
#[derive(Clone, Debug, PartialEq)]
pub struct RenderJob {
    /// The article or project (`-` for standard input).
    pub file: PathBuf,
    /// The PNG to write.
    pub output: PathBuf,
    /// Width in points (pixels at scale 1).
    pub width: u32,
    /// Height in points.
    pub height: u32,
    /// Pixels per point.
    pub scale: f32,
    /// `light`, `dark` or `print`; `None`: the project's theme, else light.
    pub theme: Option<String>,
    /// ISO 3166 alpha-3 (or alpha-2) code of the country to draw selected.
    pub select: Option<String>,
    /// The title; `None`: the article's title or first line, else the file name.
    pub title: Option<String>,
    /// Draw no title.
    pub no_title: bool,
    /// Draw no legend.
    pub no_legend: bool,
    /// Draw no attribution.
    pub no_attribution: bool,
    /// The colour-blind-safe (viridis) scale.
    pub colorblind: bool,
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

/// An opened input: its analysis, default title and theme, and warnings.
struct Input {
    analysis: Analysis,
    title: String,
    theme: Option<String>,
    warnings: Vec<String>,
}

fn read_input(file: &Path) -> Result<Input, String> {
    let analyzer = Analyzer::builtin();
    let name = if file == Path::new("-") {
        "standard input".to_string()
    } else {
        file.file_name()
            .map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned())
    };
    Ok(match project::open(file).map_err(|e| e.to_string())? {
        Opened::Article(article) => {
            let title = article
                .title
                .clone()
                .unwrap_or_else(|| default_title(&article.text, &name));
            Input {
                analysis: analyzer.analyze(Document::new(article.text)),
                title,
                theme: None,
                warnings: article.warnings,
            }
        }
        Opened::Project(project) => {
            let (analysis, problems) = project.analyze(analyzer);
            Input {
                title: project
                    .title
                    .clone()
                    .unwrap_or_else(|| default_title(&project.text, &name)),
                theme: project.theme.clone(),
                warnings: problems.iter().map(|p| format!("{}: {p}", file.display())).collect(),
                analysis,
            }
        }
    })
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
    if analysis.summary(Place::Country(index)).is_none() {
        return Err(format!(
            "--select {code}: {} is not mentioned in the article",
            g.countries[index].name
        ));
    }
    Ok(Place::Country(index))
}

/// Run `render`: returns the warnings to print (before writing, they were
/// already checked), or a one-line error.
pub fn run(job: &RenderJob, warn: &mut dyn FnMut(&str)) -> Result<(), String> {
    let ((width, height), capped) = checked_size(job.width, job.height, job.scale)?;
    let theme_name = job.theme.clone();
    if let Some(name) = &theme_name
        && MapTheme::from_name(name).is_none()
    {
        return Err(format!("unknown theme {name:?}: use light, dark or print"));
    }
    check_output(&job.output)?;
    let input = read_input(&job.file)?;
    let theme = theme_name
        .or(input.theme.clone())
        .and_then(|n| MapTheme::from_name(&n))
        .unwrap_or_default();
    let selected = job
        .select
        .as_deref()
        .map(|code| selected_country(&input.analysis, code))
        .transpose()?;
    for w in &input.warnings {
        warn(w);
    }
    if let Some(w) = capped {
        warn(&w);
    }
    let mut options = MapOptions {
        colorblind: job.colorblind,
        show_legend: !job.no_legend,
        show_attribution: !job.no_attribution,
        title: (!job.no_title).then(|| job.title.clone().unwrap_or(input.title.clone())),
        ..MapOptions::default()
    };
    options.set_theme(theme);
    let picture = Picture {
        analysis: &input.analysis,
        options: &options,
        selected,
        size: vec2(width, height),
        scale: job.scale,
        view: None,
    };
    let mut offscreen = Offscreen::new().map_err(|e| e.to_string())?;
    let image = render_picture(&mut offscreen, &picture).map_err(|e| e.to_string())?;
    let bytes = png_bytes(&image).map_err(|e| format!("cannot encode PNG: {e}"))?;
    write_atomically(&job.output, &bytes).map_err(|e| format!("{}: cannot write: {e}", job.output.display()))
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
