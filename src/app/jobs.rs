//! Work done off the UI thread: reading and analysing a large file, analysing
//! one again after a correction, waiting for a native file dialog.
//!
//! A [`Loader`] runs one job at a time on its own thread and hands the result
//! back to the UI. Starting a new job cancels the old one: its [`Progress`]
//! says so (the job stops at its next check: between reading, importing and
//! analysing, and every megabyte of the matcher's scan), and its result
//! channel is dropped, so whatever it still produces reaches nobody.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What a job reports while it runs, and how it is told to stop.
#[derive(Clone, Default)]
pub struct Progress {
    cancelled: Arc<AtomicBool>,
    stage: Arc<Mutex<String>>,
    /// How far the analysis got, as `f32` bits (0 to 1).
    fraction: Arc<AtomicU32>,
}

/// The analysis reports its progress to the job's [`Progress`], and stops
/// when the job is cancelled.
impl crate::analysis::Watch for Progress {
    fn proceed(&self, fraction: f32) -> bool {
        self.fraction.store(fraction.to_bits(), Ordering::Relaxed);
        !self.is_cancelled()
    }

    fn stage(&self, stage: &str) {
        if let Ok(mut s) = self.stage.lock() {
            stage.clone_into(&mut s);
        }
    }

    fn cancelled(&self) -> bool {
        self.is_cancelled()
    }
}

impl Progress {
    /// Has a newer job replaced this one? The job should stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    fn fraction(&self) -> f32 {
        f32::from_bits(self.fraction.load(Ordering::Relaxed))
    }

    fn stage_name(&self) -> String {
        self.stage.lock().map(|s| s.clone()).unwrap_or_default()
    }

    fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

/// A job's outcome: its result, or a message for the user.
pub type Outcome<T> = Result<T, String>;

/// The job running now.
struct Running<T> {
    name: String,
    progress: Progress,
    started: Instant,
    result: Receiver<Outcome<T>>,
}

/// Runs one background job at a time and hands its result back to the UI.
pub struct Loader<T> {
    running: Option<Running<T>>,
    /// Threads of this loader's jobs, finished or not.
    threads: Vec<JoinHandle<()>>,
}

impl<T> Default for Loader<T> {
    fn default() -> Self {
        Loader {
            running: None,
            threads: Vec::new(),
        }
    }
}

impl<T: Send + 'static> Loader<T> {
    /// Run `work` on a new thread for the input called `name`, cancelling any
    /// job still running. `ctx` is woken when the result is ready.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        name: String,
        work: impl FnOnce(&Progress) -> Outcome<T> + Send + 'static,
    ) {
        self.cancel();
        self.threads.retain(|t| !t.is_finished());
        let progress = Progress::default();
        crate::analysis::Watch::stage(&progress, "Working on");
        let (sender, result) = channel();
        let (ctx, job_progress) = (ctx.clone(), progress.clone());
        let spawned = std::thread::Builder::new().name(format!("job {name}")).spawn(move || {
            let outcome = work(&job_progress);
            // Nobody listens to a cancelled job: the send fails, harmlessly.
            if sender.send(outcome).is_ok() {
                ctx.request_repaint();
            }
        });
        let result = match spawned {
            Ok(thread) => {
                self.threads.push(thread);
                result
            }
            Err(e) => {
                let (sender, result) = channel();
                let _ = sender.send(Err(format!("{name}: cannot start the work: {e}")));
                result
            }
        };
        self.running = Some(Running {
            name,
            progress,
            started: Instant::now(),
            result,
        });
    }

    /// Stop waiting for the running job (its result, if any, is dropped).
    pub fn cancel(&mut self) {
        if let Some(running) = self.running.take() {
            running.progress.cancel();
        }
    }

    /// Is a job running?
    pub fn is_busy(&self) -> bool {
        self.running.is_some()
    }

    /// The result of the current job, if it has finished.
    pub fn poll(&mut self) -> Option<Outcome<T>> {
        let running = self.running.as_ref()?;
        let outcome = match running.result.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err(format!("{}: the work stopped unexpectedly", running.name)),
        };
        self.running = None;
        Some(outcome)
    }

    /// Block until the current job finishes (or `timeout` passes); for
    /// tests and the command line.
    pub fn wait(&mut self, timeout: Duration) -> Option<Outcome<T>> {
        let running = self.running.as_ref()?;
        let outcome = match running.result.recv_timeout(timeout) {
            Ok(outcome) => outcome,
            Err(RecvTimeoutError::Timeout) => return None,
            Err(RecvTimeoutError::Disconnected) => Err(format!("{}: the work stopped unexpectedly", running.name)),
        };
        self.running = None;
        Some(outcome)
    }

    /// Wait for the threads of every job, cancelled ones included, to end.
    pub fn join_all(&mut self) {
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }

    /// How far the running job's analysis got (0 to 1), once it started scanning.
    pub fn fraction(&self) -> Option<f32> {
        self.running
            .as_ref()
            .map(|r| r.progress.fraction())
            .filter(|&f| f > 0.0)
    }

    /// "Analysing big.txt… 3 s" while a job runs.
    pub fn status(&self) -> Option<String> {
        let r = self.running.as_ref()?;
        let seconds = r.started.elapsed().as_secs();
        let stage = r.progress.stage_name();
        Some(if seconds >= 1 {
            format!("{stage} {}… {seconds} s", r.name)
        } else {
            format!("{stage} {}…", r.name)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Watch;

    #[test]
    fn a_newer_job_drops_the_result_of_an_older_one() {
        let ctx = egui::Context::default();
        let mut loader = Loader::default();
        let (release, wait) = channel::<()>();
        loader.start(&ctx, "old".into(), move |p| {
            let _ = wait.recv();
            assert!(p.is_cancelled(), "the old job was told to stop");
            Err("old".into())
        });
        assert!(loader.status().unwrap().contains("old"));
        loader.start(&ctx, "new".into(), |_| Ok("new"));
        let outcome = loader.wait(Duration::from_secs(10)).expect("the new job finishes");
        assert_eq!(outcome, Ok("new"));
        assert!(!loader.is_busy());
        // Let the old job finish and wait until its thread has ended: its
        // result went nowhere.
        release.send(()).unwrap();
        loader.join_all();
        assert!(loader.poll().is_none(), "the old job's result is dropped");
        assert!(!loader.is_busy());
    }

    #[test]
    fn a_job_reports_its_stage_and_progress() {
        let ctx = egui::Context::default();
        let mut loader = Loader::<()>::default();
        let (step, wait) = channel::<()>();
        let (reported, seen) = channel::<()>();
        loader.start(&ctx, "book.txt".into(), move |p| {
            p.stage("Analysing");
            p.proceed(0.25);
            reported.send(()).unwrap();
            let _ = wait.recv();
            Ok(())
        });
        seen.recv().unwrap();
        assert_eq!(loader.status().as_deref(), Some("Analysing book.txt…"));
        assert_eq!(loader.fraction(), Some(0.25));
        step.send(()).unwrap();
        assert_eq!(loader.wait(Duration::from_secs(10)), Some(Ok(())));
        assert_eq!(loader.status(), None);
    }

    #[test]
    fn a_job_that_panics_is_an_error_not_a_hang() {
        let ctx = egui::Context::default();
        let mut loader = Loader::<()>::default();
        loader.start(&ctx, "bad".into(), |_| panic!("boom"));
        let outcome = loader.wait(Duration::from_secs(10)).expect("the channel closes");
        assert!(outcome.unwrap_err().contains("stopped unexpectedly"));
    }
}
