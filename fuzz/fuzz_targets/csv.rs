//! The CSV folder reader, through the facade: the input is split at NUL bytes into
//! `csv-metadata.json` and the ten tables (`communique_fuzz::read_csv`); any folder is
//! read or refused, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    communique_fuzz::read_csv(data);
});
