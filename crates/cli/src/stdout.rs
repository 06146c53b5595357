//! A command's report on standard output.
//!
//! `print!` panics when standard output is a pipe its reader has closed
//! (`communique eval GOLD | head -1`). Reports go through [`print()`] instead: a closed pipe
//! drops the rest of the report quietly and the command ends with the exit code of its
//! own result, as a filter in a shell pipeline is expected to; any other failure to write
//! (a full disk behind a redirection) ends the command with exit code 2 and says so on
//! standard error, so a report is never cut short in silence.

use std::fmt::Display;
use std::io::{self, Write};

/// Writes `text` to standard output and flushes it (see the module's documentation for
/// what happens when that fails).
pub fn print(text: impl Display) {
    let mut out = io::stdout().lock();
    let written = write!(out, "{text}").and_then(|()| out.flush());
    match written {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        Err(error) => {
            eprintln!("error: cannot write to standard output: {error}");
            std::process::exit(2);
        }
    }
}

/// [`print()`] with a line end after `text`.
pub fn println(text: impl Display) {
    print(format_args!("{text}\n"));
}
