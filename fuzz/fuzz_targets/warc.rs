//! The WARC reader (every HTML response ingested), through the facade: any input is read or
//! refused, never a panic, and a record read passes `validate()`.
#![no_main]

use communique::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    communique_fuzz::read(Format::Warc, data);
});
