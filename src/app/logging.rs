//! The app's logger: messages of the libraries it uses (file dialogs, the
//! GPU, the tile downloader) go to standard error through `env_logger`
//! (`RUST_LOG` chooses how much; warnings and errors by default), and the
//! native file dialog library's errors are also counted, so that the app
//! can tell a dialog the user cancelled from one the desktop could not show
//! (`rfd` reports the second only as a log message and no file).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// Errors logged by the file dialog library so far.
static DIALOG_ERRORS: AtomicUsize = AtomicUsize::new(0);

/// The last of them.
static LAST_DIALOG_ERROR: Mutex<Option<String>> = Mutex::new(None);

/// Forwards to `env_logger`, counting the file dialog library's errors.
struct Logger {
    inner: env_logger::Logger,
}

impl log::Log for Logger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        self.inner.enabled(metadata) || is_dialog_error(metadata)
    }

    fn log(&self, record: &log::Record<'_>) {
        if is_dialog_error(record.metadata()) {
            note_dialog_error(record.args().to_string());
        }
        if self.inner.enabled(record.metadata()) {
            self.inner.log(record);
        }
    }

    fn flush(&self) {
        self.inner.flush();
    }
}

fn is_dialog_error(metadata: &log::Metadata<'_>) -> bool {
    metadata.level() == log::Level::Error && metadata.target().starts_with("rfd")
}

/// Count a file dialog error (what the logger does with `rfd`'s).
pub fn note_dialog_error(message: String) {
    if let Ok(mut last) = LAST_DIALOG_ERROR.lock() {
        *last = Some(message);
    }
    DIALOG_ERRORS.fetch_add(1, Ordering::SeqCst);
}

/// Install the logger (once; later calls do nothing).
pub fn install() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let inner = env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).build();
        let max = inner.filter().max(log::LevelFilter::Error);
        if log::set_boxed_logger(Box::new(Logger { inner })).is_ok() {
            log::set_max_level(max);
        }
    });
}

/// How many file dialog errors were logged so far.
pub fn dialog_errors() -> usize {
    DIALOG_ERRORS.load(Ordering::SeqCst)
}

/// The last file dialog error logged.
pub fn last_dialog_error() -> Option<String> {
    LAST_DIALOG_ERROR.lock().ok().and_then(|last| last.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dialog_library_s_errors_are_counted() {
        install();
        let before = dialog_errors();
        log::error!(target: "rfd::backend::xdg_desktop_portal", "Failed to pick file with zenity: not found");
        log::error!(target: "wgpu", "something else");
        assert_eq!(dialog_errors(), before + 1);
        assert!(last_dialog_error().unwrap().contains("zenity"));
    }
}
