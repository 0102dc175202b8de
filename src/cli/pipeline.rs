//! An ordered parallel map with bounded memory, on plain std threads and channels.
//!
//! Why not a thread pool crate: the whole job is "read items on one thread, work on N threads, write the
//! results in input order", which std's `sync_channel` and `thread::scope` express in a page.
//!
//! ```text
//!  producer thread ──batches──▶ N workers ──results──▶ calling thread (reorders, consumes)
//!        ▲                                                   │
//!        └──────────────── one credit per written batch ◀────┘
//! ```
//!
//! Memory stays bounded because the producer must take a credit before it hands a batch out and the
//! consumer returns the credit only once that batch's results are written: at most `in_flight` batches exist
//! at any time, whether waiting for a worker, being worked on or waiting to be written in order. A batch
//! closes after [`BATCH_ITEMS`] items or [`BATCH_BYTES`] bytes, so a few huge documents do not pile up.
//!
//! A panic while working on one item is caught and handed to the consumer as that item's `Err`, so one bad
//! document never loses its neighbours, never reorders them and never hangs the pipeline.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};

/// A batch closes after this many items ...
pub const BATCH_ITEMS: usize = 64;
/// ... or after this many bytes of input, whichever comes first.
pub const BATCH_BYTES: usize = 1 << 20;

/// What the consumer says after each result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Keep going.
    Continue,
    /// Stop: no more results are wanted (e.g. the output pipe closed).
    Stop,
}

/// Feeds items into the pipeline; returns [`Flow::Stop`] once the consumer has stopped.
pub struct Feeder<'a, I> {
    push: &'a mut dyn FnMut(I, usize) -> Flow,
}

impl<I> Feeder<'_, I> {
    /// Hands one item of `bytes` input bytes to the pipeline.
    pub fn push(&mut self, item: I, bytes: usize) -> Flow {
        (self.push)(item, bytes)
    }
}

/// Runs `work` on every item that `produce` feeds, on `threads` worker threads, and hands the results to
/// `consume` on the calling thread in the order the items were fed. A panic in `work` becomes `Err(message)`.
pub fn ordered_map<I, O, P, W, C>(threads: usize, produce: P, work: W, mut consume: C)
where
    I: Send,
    O: Send,
    P: FnOnce(&mut Feeder<'_, I>) + Send,
    W: Fn(I) -> O + Sync,
    C: FnMut(Result<O, String>) -> Flow,
{
    let threads = threads.max(1);
    let in_flight = 2 * threads + 2;
    std::thread::scope(|s| {
        let (work_tx, work_rx) = sync_channel::<(u64, Vec<I>)>(threads);
        let work_rx = Arc::new(Mutex::new(work_rx));
        let (done_tx, done_rx) = sync_channel::<(u64, Vec<Result<O, String>>)>(in_flight);
        let (credit_tx, credit_rx) = sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            credit_tx
                .send(())
                .expect("the credit channel has room for every credit");
        }

        s.spawn(move || {
            let mut seq = 0u64;
            let mut batch: Vec<I> = Vec::new();
            let mut bytes = 0usize;
            let mut stopped = false;
            let send = |batch: Vec<I>, seq: &mut u64| -> Flow {
                if credit_rx.recv().is_err() || work_tx.send((*seq, batch)).is_err() {
                    return Flow::Stop;
                }
                *seq += 1;
                Flow::Continue
            };
            {
                let mut push = |item: I, n: usize| -> Flow {
                    if stopped {
                        return Flow::Stop;
                    }
                    batch.push(item);
                    bytes += n;
                    if batch.len() >= BATCH_ITEMS || bytes >= BATCH_BYTES {
                        bytes = 0;
                        if send(std::mem::take(&mut batch), &mut seq) == Flow::Stop {
                            stopped = true;
                            return Flow::Stop;
                        }
                    }
                    Flow::Continue
                };
                produce(&mut Feeder { push: &mut push });
            }
            if !stopped && !batch.is_empty() {
                send(batch, &mut seq);
            }
        });

        for _ in 0..threads {
            let work_rx = Arc::clone(&work_rx);
            let done_tx = done_tx.clone();
            let work = &work;
            s.spawn(move || loop {
                let job = lock_recv(&work_rx);
                let Some((seq, batch)) = job else { break };
                let results: Vec<Result<O, String>> = batch
                    .into_iter()
                    .map(|item| {
                        catch_unwind(AssertUnwindSafe(|| work(item))).map_err(panic_message)
                    })
                    .collect();
                if done_tx.send((seq, results)).is_err() {
                    break;
                }
            });
        }
        drop(work_rx);
        drop(done_tx);

        let mut pending: BTreeMap<u64, Vec<Result<O, String>>> = BTreeMap::new();
        let mut next = 0u64;
        'outer: for (seq, results) in done_rx.iter() {
            pending.insert(seq, results);
            while let Some(results) = pending.remove(&next) {
                for r in results {
                    if consume(r) == Flow::Stop {
                        break 'outer;
                    }
                }
                next += 1;
                // The producer may have finished and dropped its receiver; that is fine.
                let _ = credit_tx.send(());
            }
        }
        // Dropping the receivers here (before the scope joins) unblocks every thread if we stopped early.
        drop(credit_tx);
        drop(done_rx);
    });
}

fn lock_recv<T>(rx: &Mutex<Receiver<T>>) -> Option<T> {
    // A poisoned lock only means another worker panicked outside catch_unwind; the receiver is still fine.
    let guard = rx.lock().unwrap_or_else(|e| e.into_inner());
    guard.recv().ok()
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        format!("internal error: {s}")
    } else if let Some(s) = payload.downcast_ref::<String>() {
        format!("internal error: {s}")
    } else {
        "internal error".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_across_threads() {
        let mut out = Vec::new();
        ordered_map(
            4,
            |feed: &mut Feeder<'_, u64>| {
                for i in 0..5000u64 {
                    feed.push(i, 1);
                }
            },
            |i| {
                if i % 7 == 0 {
                    std::thread::yield_now();
                }
                i * 2
            },
            |r| {
                out.push(r.unwrap());
                Flow::Continue
            },
        );
        assert_eq!(out, (0..5000u64).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_panic_becomes_an_error_in_place() {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let mut out = Vec::new();
        ordered_map(
            2,
            |feed: &mut Feeder<'_, u32>| {
                for i in 0..300 {
                    feed.push(i, 1);
                }
            },
            |i| if i == 150 { panic!("boom") } else { i },
            |r| {
                out.push(r);
                Flow::Continue
            },
        );
        std::panic::set_hook(prev);
        assert_eq!(out.len(), 300);
        assert!(out[150].as_ref().unwrap_err().contains("boom"));
        assert!(out
            .iter()
            .enumerate()
            .all(|(k, r)| k == 150 || *r.as_ref().unwrap() == k as u32));
    }

    #[test]
    fn stopping_early_does_not_hang() {
        let mut seen = 0;
        ordered_map(
            3,
            |feed: &mut Feeder<'_, u32>| {
                for i in 0.. {
                    if feed.push(i, 1) == Flow::Stop {
                        break;
                    }
                }
            },
            |i| i,
            |_| {
                seen += 1;
                if seen == 1000 {
                    Flow::Stop
                } else {
                    Flow::Continue
                }
            },
        );
        assert_eq!(seen, 1000);
    }
}
