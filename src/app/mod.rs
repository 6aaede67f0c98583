//! The desktop app (eframe).

use std::path::PathBuf;

/// Open the app on `file`, or on the bundled article.
pub fn run(_file: Option<PathBuf>) -> Result<(), String> {
    Err("the desktop app is not built yet".into())
}
