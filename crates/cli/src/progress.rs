//! A progress bar on standard error, shown only on a terminal and for long runs.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Inputs smaller than this (bytes) finish too fast to need a bar.
const LONG_RUN_BYTES: u64 = 8 << 20;

/// A byte-counting bar over `total` input bytes; hidden unless standard error is a
/// terminal and the input is large.
pub fn bar(total: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() || total < LONG_RUN_BYTES {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {bytes}/{total_bytes} {bar:30} {bytes_per_sec} eta {eta} {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}
