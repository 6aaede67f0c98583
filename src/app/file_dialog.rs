//! Asking for a file: the desktop's own dialog (through `rfd`: the XDG
//! desktop portal, else zenity, on Linux) on its own thread, or the
//! built-in one drawn in the window ([`BuiltInDialog`]), with the recent
//! folders beside it.
//!
//! The built-in dialog is used when the user chose it (File ▸ Built-in file
//! dialog), or from the first time the desktop could not show one: `rfd`
//! then logs an error and returns no file, which [`super::logging`] tells
//! apart from a cancelled dialog.

use std::path::{Path, PathBuf};

use egui::Context;

use super::action::Action;
use crate::export::Format;
use crate::picture::PictureFormat;

pub use crate::import::ARTICLE_EXTENSIONS;

/// What a file dialog is asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum FileDialog {
    /// An article (or project) to open; several, or the folder shown, open as a collection.
    OpenArticle,
    /// A folder of articles to open as a collection.
    OpenFolder,
    /// A project to open.
    OpenProject,
    /// Where to save the project.
    SaveProject {
        /// The file name proposed.
        suggested: String,
    },
    /// Where to save the map picture.
    ExportPicture {
        /// PNG, SVG or PDF.
        format: PictureFormat,
        /// Pixels per point (PNG).
        scale: u32,
        /// The file name proposed.
        suggested: String,
    },
    /// Where to save the analysis.
    ExportData {
        /// The format.
        format: Format,
        /// The file name proposed.
        suggested: String,
    },
}

/// How a native dialog ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A file was chosen: what to do with it.
    Chosen(Action),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// The desktop could not show a dialog (why, as the library logged it).
    Unavailable(String),
}

impl FileDialog {
    /// The dialog's title.
    pub fn title(&self) -> &'static str {
        match self {
            FileDialog::OpenArticle => "Open an article",
            FileDialog::OpenFolder => "Open a folder of articles",
            FileDialog::OpenProject => "Open a project",
            FileDialog::SaveProject { .. } => "Save the project",
            FileDialog::ExportPicture { format, .. } => match format {
                PictureFormat::Png => "Export the map as PNG",
                PictureFormat::Svg => "Export the map as SVG",
                PictureFormat::Pdf => "Export the map as PDF",
            },
            FileDialog::ExportData { .. } => "Export the analysis",
        }
    }

    /// Does it ask where to save (rather than what to open)?
    fn saves(&self) -> bool {
        !matches!(
            self,
            FileDialog::OpenArticle | FileDialog::OpenFolder | FileDialog::OpenProject
        )
    }

    /// The extension a saved file gets, and the name proposed.
    fn save_as(&self) -> Option<(&'static str, &str)> {
        match self {
            FileDialog::OpenArticle | FileDialog::OpenFolder | FileDialog::OpenProject => None,
            FileDialog::SaveProject { suggested } => Some(("atlas.json", suggested)),
            FileDialog::ExportPicture { format, suggested, .. } => Some((format.extension(), suggested)),
            FileDialog::ExportData { format, suggested } => Some((format.extension(), suggested)),
        }
    }

    /// Is `path` one of the files the dialog offers?
    fn offers(&self, path: &Path) -> bool {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        let Some(extension) = extension else { return false };
        match self {
            FileDialog::OpenArticle => ARTICLE_EXTENSIONS.contains(&extension.as_str()),
            FileDialog::OpenFolder => false,
            FileDialog::OpenProject | FileDialog::SaveProject { .. } => extension == "json",
            FileDialog::ExportPicture { format, .. } => extension == format.extension(),
            FileDialog::ExportData { format, .. } => extension == format.extension(),
        }
    }

    /// The action a chosen `path` leads to. A file to save gets the
    /// dialog's extension when its name has none of it.
    pub fn then(&self, path: PathBuf) -> Action {
        let path = match self.save_as() {
            Some((extension, _))
                if !path
                    .to_string_lossy()
                    .to_ascii_lowercase()
                    .ends_with(&format!(".{extension}")) =>
            {
                let mut name = path.into_os_string();
                name.push(format!(".{extension}"));
                PathBuf::from(name)
            }
            _ => path,
        };
        match self {
            FileDialog::OpenArticle | FileDialog::OpenProject => Action::OpenPath(path),
            FileDialog::OpenFolder => Action::OpenMany(vec![path]),
            FileDialog::SaveProject { .. } => Action::SaveProjectTo(path),
            FileDialog::ExportPicture { format, scale, .. } => Action::WritePicture(path, *format, *scale),
            FileDialog::ExportData { format, .. } => Action::WriteData(path, *format),
        }
    }

    /// Show the desktop's dialog (blocking its thread) and say how it ended.
    pub fn show_native(&self, start: Option<&Path>) -> Outcome {
        super::logging::install();
        let errors_before = super::logging::dialog_errors();
        let mut dialog = rfd::FileDialog::new().set_title(self.title());
        if let Some(start) = start {
            dialog = dialog.set_directory(start);
        }
        let picked = match self {
            FileDialog::OpenArticle => {
                let files = dialog
                    .add_filter("Articles and projects", &ARTICLE_EXTENSIONS)
                    .add_filter("All files", &["*"])
                    .pick_files();
                match files {
                    Some(files) if files.len() > 1 => return Outcome::Chosen(Action::OpenMany(files)),
                    Some(files) => files.into_iter().next(),
                    None => None,
                }
            }
            FileDialog::OpenFolder => dialog.pick_folder(),
            FileDialog::OpenProject => dialog.add_filter("Article Atlas project", &["json"]).pick_file(),
            FileDialog::SaveProject { suggested } => dialog
                .set_file_name(suggested)
                .add_filter("Article Atlas project", &["json"])
                .save_file(),
            FileDialog::ExportPicture { format, suggested, .. } => dialog
                .set_file_name(suggested)
                .add_filter(
                    format!("{} picture", format.extension().to_uppercase()),
                    &[format.extension()],
                )
                .save_file(),
            FileDialog::ExportData { format, suggested } => dialog
                .set_file_name(suggested)
                .add_filter(format.extension().to_uppercase(), &[format.extension()])
                .save_file(),
        };
        match picked {
            Some(path) => Outcome::Chosen(self.then(path)),
            None if super::logging::dialog_errors() > errors_before => {
                Outcome::Unavailable(super::logging::last_dialog_error().unwrap_or_else(|| "no file dialog".into()))
            }
            None => Outcome::Cancelled,
        }
    }
}

/// One entry of the folder shown.
#[derive(Clone, Debug, PartialEq)]
struct Entry {
    name: String,
    path: PathBuf,
    is_dir: bool,
}

/// The entries of `folder` the dialog offers: sub-folders first, then the
/// files `purpose` offers, each group by name; hidden ones (a leading dot)
/// only when asked.
fn list(folder: &Path, purpose: &FileDialog, hidden: bool) -> Result<Vec<Entry>, String> {
    let read = std::fs::read_dir(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let mut entries: Vec<Entry> = read
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            // Follows links: a link to a folder is a folder.
            let is_dir = path.is_dir();
            let shown = (hidden || !name.starts_with('.')) && (is_dir || purpose.offers(&path));
            shown.then_some(Entry { name, path, is_dir })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(entries)
}

/// The built-in file dialog, while it is open: a folder field, the recent
/// folders, the folder's entries, a file name field, and Open or Save.
///
/// Written here rather than taken from a crate: `egui_file`, the one that
/// follows egui 0.37, leaves its two text fields without an accessible
/// name (screen readers and tests cannot find them) and labels files with
/// emoji; this dialog is small and every widget in it is labelled.
pub struct BuiltInDialog {
    purpose: FileDialog,
    folder: PathBuf,
    /// The folder field as typed.
    folder_text: String,
    entries: Result<Vec<Entry>, String>,
    /// The file name field (the file chosen, or the name to save under).
    name: String,
    places: Vec<PathBuf>,
    hidden: bool,
    /// A file to save over, waiting for "Replace".
    replace: Option<PathBuf>,
    /// Why the last choice could not be taken.
    problem: Option<String>,
    /// Files chosen with Ctrl (or ⌘) held, to open together.
    chosen: Vec<PathBuf>,
}

/// What the user did in the dialog this frame.
enum Step {
    Stay,
    Enter(PathBuf),
    Choose(PathBuf),
    /// Open these together (several files, or a folder) as a collection.
    ChooseMany(Vec<PathBuf>),
    Cancel,
}

impl BuiltInDialog {
    /// Open the dialog for `purpose` in folder `start`, offering `places` to jump to.
    pub fn open(purpose: FileDialog, start: PathBuf, places: Vec<PathBuf>) -> BuiltInDialog {
        let name = purpose
            .save_as()
            .map_or_else(String::new, |(_, suggested)| suggested.to_string());
        let mut dialog = BuiltInDialog {
            purpose,
            folder: PathBuf::new(),
            folder_text: String::new(),
            entries: Ok(Vec::new()),
            name,
            places,
            hidden: false,
            replace: None,
            problem: None,
            chosen: Vec::new(),
        };
        dialog.enter(start);
        dialog
    }

    /// Show `folder`.
    fn enter(&mut self, folder: PathBuf) {
        self.entries = list(&folder, &self.purpose, self.hidden);
        self.folder_text = folder.display().to_string();
        self.folder = folder;
        self.replace = None;
        self.problem = None;
        self.chosen.clear();
        if !self.purpose.saves() {
            self.name.clear();
        }
    }

    /// The file the name field names, in the folder shown (or as typed, when a path).
    fn named(&self) -> Option<PathBuf> {
        let name = self.name.trim();
        (!name.is_empty()).then(|| self.folder.join(name))
    }

    /// Take `path` as the answer, if it fits: an existing file to open, or a
    /// file to save in an existing folder (asking before replacing one).
    fn choose(&mut self, path: PathBuf) -> Option<Action> {
        if path.is_dir() {
            self.enter(path);
            return None;
        }
        if self.purpose.saves() {
            let target = match self.purpose.then(path.clone()) {
                Action::SaveProjectTo(p) | Action::WritePicture(p, ..) | Action::WriteData(p, _) => p,
                _ => path,
            };
            if !target.parent().is_some_and(Path::is_dir) {
                self.problem = Some(format!(
                    "There is no folder {}",
                    target.parent().unwrap_or(&target).display()
                ));
                return None;
            }
            if target.exists() && self.replace.as_ref() != Some(&target) {
                self.replace = Some(target);
                return None;
            }
            Some(self.purpose.then(target))
        } else if path.is_file() {
            Some(self.purpose.then(path))
        } else {
            self.problem = Some(format!("There is no file {}", path.display()));
            None
        }
    }

    /// Draw the dialog; `Some` once it ends: the action of the file chosen,
    /// or `None` when it was cancelled.
    pub fn ui(&mut self, ctx: &Context) -> Option<Option<Action>> {
        let mut step = Step::Stay;
        let modal = egui::Modal::new(egui::Id::unique("built-in file dialog")).show(ctx, |ui| {
            ui.set_width(640.0);
            ui.heading(self.purpose.title());
            ui.horizontal(|ui| {
                let parent = self.folder.parent().map(Path::to_path_buf);
                if ui
                    .add_enabled(parent.is_some(), egui::Button::new("Up"))
                    .on_hover_text("Parent folder")
                    .clicked()
                    && let Some(parent) = parent
                {
                    step = Step::Enter(parent);
                }
                let label = ui.label("Folder");
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.folder_text).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    step = Step::Enter(PathBuf::from(self.folder_text.trim()));
                }
            });
            ui.separator();
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(150.0);
                    ui.weak("Places");
                    for place in &self.places {
                        let name = place
                            .file_name()
                            .map_or_else(|| place.display().to_string(), |n| n.to_string_lossy().into_owned());
                        if ui.button(name).on_hover_text(place.display().to_string()).clicked() {
                            step = Step::Enter(place.clone());
                        }
                    }
                });
                ui.add_space(8.0);
                egui::ScrollArea::vertical()
                    .id_salt("entries")
                    .max_height(300.0)
                    .min_scrolled_height(300.0)
                    .auto_shrink([false, false])
                    .show(ui, |ui| match &self.entries {
                        Err(why) => {
                            ui.colored_label(ui.visuals().error_fg_color, why);
                        }
                        Ok(entries) if entries.is_empty() => {
                            ui.weak("Nothing here to open.");
                        }
                        Ok(entries) => {
                            for entry in entries {
                                let shown = if entry.is_dir {
                                    format!("{}/", entry.name)
                                } else {
                                    entry.name.clone()
                                };
                                let selected =
                                    !entry.is_dir && (self.name == entry.name || self.chosen.contains(&entry.path));
                                let response = ui.selectable_label(selected, shown);
                                let several = ui.input(|i| i.modifiers.command)
                                    && matches!(self.purpose, FileDialog::OpenArticle)
                                    && !entry.is_dir;
                                if several && response.clicked() {
                                    // Ctrl-click: add to (or take from) the files to open together.
                                    if let Some(i) = self.chosen.iter().position(|p| *p == entry.path) {
                                        self.chosen.remove(i);
                                    } else {
                                        self.chosen.push(entry.path.clone());
                                    }
                                    self.name = self
                                        .chosen
                                        .first()
                                        .and_then(|p| p.file_name())
                                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                                } else if response.double_clicked() {
                                    step = if entry.is_dir {
                                        Step::Enter(entry.path.clone())
                                    } else {
                                        Step::Choose(entry.path.clone())
                                    };
                                } else if response.clicked() {
                                    if entry.is_dir {
                                        step = Step::Enter(entry.path.clone());
                                    } else {
                                        self.name = entry.name.clone();
                                        self.chosen.clear();
                                        self.replace = None;
                                    }
                                }
                            }
                        }
                    });
            });
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label("File name");
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.name).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                if field.changed() {
                    self.replace = None;
                }
                if field.lost_focus()
                    && ui.input(|i| i.key_pressed(egui::Key::Enter))
                    && let Some(path) = self.named()
                {
                    step = Step::Choose(path);
                }
            });
            if ui.checkbox(&mut self.hidden, "Show hidden files").changed() {
                step = Step::Enter(self.folder.clone());
            }
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
            if matches!(self.purpose, FileDialog::OpenArticle) {
                ui.weak("Ctrl-click to choose several files; they open together as a collection.");
            }
            ui.horizontal(|ui| {
                if ui.button("Cancel").clicked() {
                    step = Step::Cancel;
                }
                if matches!(self.purpose, FileDialog::OpenArticle | FileDialog::OpenFolder)
                    && ui
                        .button("Open this folder")
                        .on_hover_text("Every article in this folder and its sub-folders, as a collection")
                        .clicked()
                {
                    step = Step::ChooseMany(vec![self.folder.clone()]);
                }
                if self.chosen.len() > 1 && ui.button(format!("Open {} files", self.chosen.len())).clicked() {
                    step = Step::ChooseMany(self.chosen.clone());
                }
                let named = self.named();
                match (&self.replace, self.purpose.saves()) {
                    (Some(existing), _) => {
                        let name = existing
                            .file_name()
                            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                        ui.colored_label(ui.visuals().warn_fg_color, format!("{name} exists."));
                        if ui.button("Replace").clicked() {
                            step = Step::Choose(existing.clone());
                        }
                    }
                    (None, saves) => {
                        let verb = if saves { "Save" } else { "Open" };
                        if ui.add_enabled(named.is_some(), egui::Button::new(verb)).clicked()
                            && let Some(path) = named
                        {
                            step = Step::Choose(path);
                        }
                    }
                }
            });
        });
        if modal.should_close() && matches!(step, Step::Stay) {
            step = Step::Cancel;
        }
        match step {
            Step::Stay => None,
            Step::Cancel => Some(None),
            Step::Enter(folder) => {
                if folder.is_dir() {
                    self.enter(folder);
                } else {
                    self.problem = Some(format!("There is no folder {}", folder.display()));
                }
                None
            }
            Step::Choose(path) => self.choose(path).map(Some),
            Step::ChooseMany(paths) => Some(Some(Action::OpenMany(paths))),
        }
    }
}

/// The folders worth offering: those of `recent` files (newest first,
/// without repeats) and the home folder.
pub fn places(recent: &[PathBuf]) -> Vec<PathBuf> {
    let mut places: Vec<PathBuf> = Vec::new();
    let home = directories::UserDirs::new().map(|d| d.home_dir().to_path_buf());
    for folder in recent
        .iter()
        .filter_map(|p| p.parent())
        .map(Path::to_path_buf)
        .chain(home)
    {
        if folder.is_dir() && !places.contains(&folder) {
            places.push(folder);
        }
    }
    places.truncate(8);
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_file_leads_to_its_action_with_its_extension() {
        let path = PathBuf::from("/tmp/x");
        assert_eq!(
            FileDialog::OpenArticle.then(path.clone()),
            Action::OpenPath(path.clone())
        );
        let png = FileDialog::ExportPicture {
            format: PictureFormat::Png,
            scale: 2,
            suggested: "a.png".into(),
        };
        assert_eq!(
            png.then(path.clone()),
            Action::WritePicture("/tmp/x.png".into(), PictureFormat::Png, 2)
        );
        assert_eq!(
            png.then("/tmp/map.PNG".into()),
            Action::WritePicture("/tmp/map.PNG".into(), PictureFormat::Png, 2)
        );
        let pdf = FileDialog::ExportPicture {
            format: PictureFormat::Pdf,
            scale: 1,
            suggested: "a.pdf".into(),
        };
        assert_eq!(
            pdf.then(path.clone()),
            Action::WritePicture("/tmp/x.pdf".into(), PictureFormat::Pdf, 1)
        );
        let data = FileDialog::ExportData {
            format: Format::Csv,
            suggested: "a.csv".into(),
        };
        assert_eq!(data.then(path), Action::WriteData("/tmp/x.csv".into(), Format::Csv));
        let project = FileDialog::SaveProject {
            suggested: "a.atlas.json".into(),
        };
        assert_eq!(
            project.then("/w/talks".into()),
            Action::SaveProjectTo("/w/talks.atlas.json".into())
        );
    }

    #[test]
    fn the_open_dialog_offers_the_formats_the_app_reads() {
        let open = FileDialog::OpenArticle;
        for name in ["a.txt", "b.MD", "c.html", "d.atlas.json"] {
            assert!(open.offers(Path::new(name)), "{name}");
        }
        assert!(!open.offers(Path::new("e.png")) && !open.offers(Path::new("noext")));
    }

    #[test]
    fn a_folder_lists_its_sub_folders_then_the_files_offered() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "A.md", "map.png", ".hidden.txt"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("zeta")).unwrap();
        let names = |hidden| -> Vec<String> {
            list(dir.path(), &FileDialog::OpenArticle, hidden)
                .unwrap()
                .into_iter()
                .map(|e| e.name)
                .collect()
        };
        assert_eq!(names(false), ["zeta", "A.md", "b.txt"]);
        assert_eq!(names(true), ["zeta", ".hidden.txt", "A.md", "b.txt"]);
        let png = FileDialog::ExportPicture {
            format: PictureFormat::Png,
            scale: 1,
            suggested: "m.png".into(),
        };
        let offered: Vec<String> = list(dir.path(), &png, false)
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(offered, ["zeta", "map.png"]);
        assert!(list(&dir.path().join("nope"), &png, false).is_err());
    }

    #[test]
    fn saving_over_a_file_asks_first_and_a_missing_file_does_not_open() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("brief.png"), "old").unwrap();
        let png = FileDialog::ExportPicture {
            format: PictureFormat::Png,
            scale: 1,
            suggested: "brief.png".into(),
        };
        let mut dialog = BuiltInDialog::open(png, dir.path().to_path_buf(), Vec::new());
        let target = dir.path().join("brief.png");
        assert_eq!(dialog.choose(target.clone()), None, "asks first");
        assert_eq!(dialog.replace.as_ref(), Some(&target));
        assert_eq!(
            dialog.choose(target.clone()),
            Some(Action::WritePicture(target, PictureFormat::Png, 1))
        );
        let mut open = BuiltInDialog::open(FileDialog::OpenArticle, dir.path().to_path_buf(), Vec::new());
        assert_eq!(open.choose(dir.path().join("gone.txt")), None);
        assert!(open.problem.as_deref().unwrap().contains("no file"));
    }

    #[test]
    fn places_are_the_recent_folders_without_repeats() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        let found = places(&[a, b, PathBuf::from("/no/such/folder/c.txt")]);
        assert_eq!(found[0], dir.path());
        assert_eq!(found.iter().filter(|p| *p == dir.path()).count(), 1);
        assert!(!found.contains(&PathBuf::from("/no/such/folder")));
    }
}
