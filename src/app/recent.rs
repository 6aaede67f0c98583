//! The files opened lately, newest first, remembered between runs.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files are kept.
pub const MAX_RECENT: usize = 10;

/// The key the list is stored under in eframe's storage.
pub const STORAGE_KEY: &str = "recent_files";

/// The files opened lately, newest first, without repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecentFiles {
    paths: Vec<PathBuf>,
}

impl RecentFiles {
    /// The paths, newest first.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// Put `path` first (moving it if already listed), keeping at most [`MAX_RECENT`].
    pub fn push(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.paths.retain(|p| *p != path);
        self.paths.insert(0, path);
        self.paths.truncate(MAX_RECENT);
    }

    /// Forget `path`; `true` if it was listed.
    pub fn remove(&mut self, path: &Path) -> bool {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let before = self.paths.len();
        self.paths.retain(|p| *p != absolute && p != path);
        self.paths.len() != before
    }

    /// Forget every file.
    pub fn clear(&mut self) {
        self.paths.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_repeats_and_at_most_ten() {
        let mut recent = RecentFiles::default();
        for i in 0..12 {
            recent.push(Path::new(&format!("/tmp/{i}.txt")));
        }
        recent.push(Path::new("/tmp/5.txt"));
        assert_eq!(recent.paths().len(), MAX_RECENT);
        assert_eq!(recent.paths()[0], Path::new("/tmp/5.txt"));
        assert_eq!(recent.paths().iter().filter(|p| p.ends_with("5.txt")).count(), 1);
        assert!(recent.remove(Path::new("/tmp/5.txt")));
        assert!(!recent.remove(Path::new("/tmp/5.txt")));
    }
}
