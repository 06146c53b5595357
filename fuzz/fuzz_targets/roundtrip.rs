//! The round trip: a record read from JSON Lines that passes `validate()` is written in
//! every writable format and read back identical (`communique_fuzz::round_trip`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    communique_fuzz::round_trip(data);
});
