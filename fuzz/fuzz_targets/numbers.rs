//! Any text as a figure's value: parsing never panics, and every accepted value formats in
//! both languages, every unit, qualifier and scale, keeping all of its digits.
#![no_main]

use graphic::numbers::{Decimal, Qualifier, Scale, Unit, figure_text, number_text};
use story::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(value) = Decimal::parse(text) else { return };
    for lang in Lang::ALL {
        for unit in [Unit::People, Unit::Yuan, Unit::Percent, Unit::SquareKm] {
            for q in [Qualifier::Exact, Qualifier::About, Qualifier::MoreThan] {
                let _ = figure_text(value, unit, q, lang);
            }
        }
        for exponent in [0, 4, 6, 8, 9, 12] {
            let shown = number_text(value, Scale { exponent }, lang);
            // Every significant digit survives: the digits of the plain number appear in order.
            let plain: String = number_text(value, Scale::ONE, Lang::En)
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            let significant = plain.trim_start_matches('0').trim_end_matches('0');
            let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
            assert!(digits.contains(significant), "{text}: {shown} lost digits of {plain}");
        }
    }
});
