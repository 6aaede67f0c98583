//! `article-atlas analyze` over several files or folders: one JSON line per
//! article (the single-article schema with its `path`), or with
//! `--aggregate` the collection's geography in one object; `--format csv`
//! an article × country matrix. Articles are analysed on every core; the
//! JSON lines come out in path order, a chunk at a time, so memory holds a
//! chunk, not the collection.

use std::io::Write;
use std::path::PathBuf;

use rayon::prelude::*;

use super::{Count, Member, Progress, aggregate, analyse_files, discover};
use crate::analysis::Unwatched;
use crate::article::load_path;
use crate::export::{Format, write_aggregate_geojson, write_aggregate_json, write_json_line, write_matrix_csv};
use crate::gazetteer::Gazetteer;

/// Articles analysed together before their lines are written.
const CHUNK: usize = 256;

/// Analyse the articles `inputs` name (files, folders) and write them to
/// `out` in `format` (aggregated with `aggregate`); `warn` hears of each
/// article that could not be read. Fails when no article could be read.
pub fn analyze_collection(
    inputs: &[PathBuf],
    format: Format,
    aggregate_all: bool,
    out: &mut dyn Write,
    warn: &mut dyn FnMut(&str),
) -> Result<(), String> {
    let files = discover(inputs);
    if files.is_empty() {
        let named = inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(format!(
            "{named}: is a directory with no articles in it (text, Markdown or HTML files)"
        ));
    }
    let g = Gazetteer::builtin();
    let io = |e: std::io::Error| e.to_string();
    if aggregate_all || format == Format::Csv {
        let progress = Progress::default();
        let members = analyse_files(&files, &|_| Vec::new(), &progress).ok_or("cancelled")?;
        report(&members, warn)?;
        let all = aggregate(&members, &|_| true, Count::Articles);
        return match format {
            Format::Json => write_aggregate_json(&members, &all, g, out).map_err(io),
            Format::Geojson => write_aggregate_geojson(&all, g, out).map_err(io),
            Format::Csv => write_matrix_csv(&members, &all, g, out).map_err(io),
        };
    }
    if format != Format::Json {
        return Err("several articles are written as JSON lines, or with --aggregate as JSON or GeoJSON".into());
    }
    let mut read = 0;
    for chunk in files.chunks(CHUNK) {
        let lines: Vec<Result<Vec<u8>, String>> = chunk
            .par_iter()
            .map(|path| {
                let loaded = load_path(path, &Unwatched)?;
                let mut analysis = loaded.article.analysis;
                analysis
                    .warnings
                    .extend(loaded.article.problems.iter().map(|p| p.to_string()));
                let mut line = Vec::new();
                write_json_line(&analysis, g, &path.display().to_string(), &mut line).map_err(|e| e.to_string())?;
                Ok(line)
            })
            .collect();
        for (path, line) in chunk.iter().zip(lines) {
            match line {
                Ok(line) => {
                    read += 1;
                    out.write_all(&line).map_err(io)?;
                }
                Err(reason) => {
                    warn(&format!("{}: {reason}", path.display()));
                    let error = serde_json::json!({ "path": path.display().to_string(), "error": reason });
                    writeln!(out, "{error}").map_err(io)?;
                }
            }
        }
    }
    if read == 0 {
        return Err(format!("none of the {} files could be read", files.len()));
    }
    Ok(())
}

/// Warn of each article that could not be read; fail if none could.
fn report(members: &[Member], warn: &mut dyn FnMut(&str)) -> Result<(), String> {
    for m in members {
        if let Err(reason) = &m.digest {
            warn(&format!("{}: {reason}", m.path.display()));
        }
    }
    if members.iter().all(|m| m.digest.is_err()) {
        return Err(format!("none of the {} files could be read", members.len()));
    }
    Ok(())
}
