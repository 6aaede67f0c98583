//! Work done off the UI thread: reading, importing and analysing a large
//! file, or analysing one again after a correction.
//!
//! One job runs at a time. Starting a new one cancels the old: its cancel
//! flag is raised (the job stops at its next check: between reading,
//! importing and analysing, and every megabyte of the matcher's scan) and the
//! generation counter moves on, so a result that still arrives from the old
//! job is dropped.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::open::Loaded;

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
        !self.cancelled()
    }
}

impl Progress {
    /// Has a newer job replaced this one? The job should stop.
    pub fn cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Say what the job is doing now ("Reading", "Analysing").
    pub fn set_stage(&self, stage: &str) {
        if let Ok(mut s) = self.stage.lock() {
            stage.clone_into(&mut s);
        }
    }

    fn fraction(&self) -> f32 {
        f32::from_bits(self.fraction.load(Ordering::Relaxed))
    }

    fn stage(&self) -> String {
        self.stage.lock().map(|s| s.clone()).unwrap_or_default()
    }

    fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

/// A job's outcome: the loaded article, or a message for the user.
pub type Outcome = Result<Loaded, String>;

/// The job running now.
struct Running {
    generation: u64,
    name: String,
    progress: Progress,
    started: Instant,
}

/// Runs one background job at a time and hands its result back to the UI.
pub struct Loader {
    generation: u64,
    sender: Sender<(u64, Outcome)>,
    receiver: Receiver<(u64, Outcome)>,
    running: Option<Running>,
}

impl Default for Loader {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Loader {
            generation: 0,
            sender,
            receiver,
            running: None,
        }
    }
}

impl Loader {
    /// Run `work` on a new thread for the input called `name`, cancelling any
    /// job still running. `ctx` is woken when the result is ready.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        name: String,
        work: impl FnOnce(&Progress) -> Outcome + Send + 'static,
    ) {
        self.cancel();
        self.generation += 1;
        let generation = self.generation;
        let progress = Progress::default();
        progress.set_stage("Analysing");
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let job_progress = progress.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("analyse {name}"))
            .spawn(move || {
                let outcome = work(&job_progress);
                if !job_progress.cancelled() {
                    // The receiver lives as long as the app; a send error
                    // means the app is gone and nobody wants the result.
                    let _ = sender.send((generation, outcome));
                    ctx.request_repaint();
                }
            });
        if let Err(e) = spawned {
            let _ = self
                .sender
                .send((generation, Err(format!("{name}: cannot start the analysis: {e}"))));
        }
        self.running = Some(Running {
            generation,
            name,
            progress,
            started: Instant::now(),
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

    /// The result of the current job, if it has finished. Results of
    /// cancelled (older) jobs are dropped here.
    pub fn poll(&mut self) -> Option<Outcome> {
        while let Ok((generation, outcome)) = self.receiver.try_recv() {
            if let Some(outcome) = self.accept(generation, outcome) {
                return Some(outcome);
            }
        }
        None
    }

    /// Block until the current job finishes (or `timeout` passes); for
    /// tests and the command line.
    pub fn wait(&mut self, timeout: Duration) -> Option<Outcome> {
        let deadline = Instant::now() + timeout;
        while self.running.is_some() {
            let left = deadline.checked_duration_since(Instant::now())?;
            let (generation, outcome) = self.receiver.recv_timeout(left).ok()?;
            if let Some(outcome) = self.accept(generation, outcome) {
                return Some(outcome);
            }
        }
        None
    }

    fn accept(&mut self, generation: u64, outcome: Outcome) -> Option<Outcome> {
        let current = self.running.as_ref().is_some_and(|r| r.generation == generation);
        if current {
            self.running = None;
            Some(outcome)
        } else {
            None // stale: a newer job replaced it
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
        Some(if seconds >= 1 {
            format!("{} {}… {seconds} s", r.progress.stage(), r.name)
        } else {
            format!("{} {}…", r.progress.stage(), r.name)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_job_drops_the_result_of_an_older_one() {
        let ctx = egui::Context::default();
        let mut loader = Loader::default();
        let (release, wait) = channel::<()>();
        loader.start(&ctx, "old".into(), move |_| {
            let _ = wait.recv();
            Err("old".into())
        });
        assert!(loader.status().unwrap().contains("old"));
        loader.start(&ctx, "new".into(), |_| Err("new".into()));
        let _ = release.send(());
        let outcome = loader.wait(Duration::from_secs(10)).expect("the new job finishes");
        assert_eq!(outcome.err().as_deref(), Some("new"));
        assert!(!loader.is_busy());
        std::thread::sleep(Duration::from_millis(50));
        assert!(loader.poll().is_none(), "the old job's result is dropped");
    }
}
