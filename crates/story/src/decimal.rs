//! Exact decimal values as the sources give them ("17.5万", "41610.9亿"), so no digit is lost.

use std::fmt;

/// Most significant digits a value may carry: more than any source states, and small
/// enough that every shift below stays inside `u64`.
const MAX_DIGITS: u32 = 18;
/// Largest power of ten a value may reach (10^16 = 1亿亿): far above any figure here.
const MAX_EXPONENT: i32 = 16;

/// The Chinese multipliers a value may end in, longest first, with their powers of ten. The
/// evidence rules read the same words in a source's sentence.
pub(crate) const CHINESE_MULTIPLIERS: [(&str, i32); 3] = [("万亿", 12), ("亿", 8), ("万", 4)];

/// `mantissa × 10^exponent`, kept with the source's own digits: `17.5万` is
/// mantissa 175, exponent 3. Trailing zeros of the mantissa are folded into the exponent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    mantissa: u64,
    exponent: i32,
}

/// Why a value's text is not a number the graphic can show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecimalError {
    Empty,
    NotANumber,
    Negative,
    TooManyDigits,
    TooLarge,
}

impl DecimalError {
    /// The same rule in Chinese.
    pub fn zh(&self) -> &'static str {
        match self {
            DecimalError::Empty => "为空",
            DecimalError::NotANumber => "不是数字（请写数字，可带小数点及万、亿或万亿）",
            DecimalError::Negative => "不能为负数",
            DecimalError::TooManyDigits => "有效数字超过18位",
            DecimalError::TooLarge => "大于10的16次方",
        }
    }
}

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecimalError::Empty => "is empty",
            DecimalError::NotANumber => {
                "is not a number (write digits with an optional decimal point and 万, 亿 or 万亿)"
            }
            DecimalError::Negative => "must not be negative",
            DecimalError::TooManyDigits => "has more than 18 significant digits",
            DecimalError::TooLarge => "is larger than 10^16",
        })
    }
}

impl std::error::Error for DecimalError {}

impl Decimal {
    /// `mantissa × 10^exponent`. A `const fn`, so a baked story's values are data.
    pub const fn new(mantissa: u64, exponent: i32) -> Decimal {
        let (mut mantissa, mut exponent) = (mantissa, exponent);
        if mantissa == 0 {
            exponent = 0;
        }
        while mantissa != 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            exponent += 1;
        }
        Decimal { mantissa, exponent }
    }

    /// The parts as stored (normalised), for writing the value back as code.
    pub fn parts(self) -> (u64, i32) {
        (self.mantissa, self.exponent)
    }

    /// Parses plain decimal digits with an optional Chinese multiplier:
    /// `400000`, `17.5万`, `1.5万亿`, `41,610.9亿`. Commas between digits are allowed.
    pub fn parse(text: &str) -> Result<Decimal, DecimalError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(DecimalError::Empty);
        }
        if text.starts_with('-') {
            return Err(DecimalError::Negative);
        }
        let (number, multiplier_exp) = CHINESE_MULTIPLIERS
            .iter()
            .find_map(|(word, exp)| text.strip_suffix(word).map(|rest| (rest, *exp)))
            .unwrap_or((text, 0));
        let (int_part, frac_part) = match number.split_once('.') {
            Some((i, f)) => (i, f),
            None => (number, ""),
        };
        let int_digits: String = int_part.chars().filter(|c| *c != ',').collect();
        if int_digits.is_empty() && frac_part.is_empty() {
            return Err(DecimalError::NotANumber);
        }
        let all_digits = int_digits.chars().chain(frac_part.chars());
        let mut mantissa: u64 = 0;
        let mut significant = 0u32;
        for c in all_digits {
            let digit = c.to_digit(10).ok_or(DecimalError::NotANumber)?;
            if significant > 0 || digit != 0 {
                significant += 1;
            }
            if significant > MAX_DIGITS {
                return Err(DecimalError::TooManyDigits);
            }
            mantissa = mantissa * 10 + u64::from(digit);
        }
        // Commas belong between groups of digits only ("1,000", not ",1" or "1,,0").
        if int_part.starts_with(',') || int_part.ends_with(',') || int_part.contains(",,") {
            return Err(DecimalError::NotANumber);
        }
        let frac_len = i32::try_from(frac_part.len()).map_err(|_| DecimalError::TooManyDigits)?;
        let value = Decimal::new(mantissa, multiplier_exp - frac_len);
        if value.magnitude() > MAX_EXPONENT {
            return Err(DecimalError::TooLarge);
        }
        Ok(value)
    }

    /// Power of ten of the leading digit: 175000 → 5. Zero → 0.
    pub fn magnitude(self) -> i32 {
        if self.mantissa == 0 {
            return 0;
        }
        let digits = i32::try_from(self.mantissa.ilog10()).unwrap_or(0);
        self.exponent + digits
    }

    /// `self − other`, exactly: `None` where the result would be negative or overflow.
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        let exponent = self.exponent.min(other.exponent);
        let scaled = |d: Decimal| {
            let shift = u32::try_from(d.exponent - exponent).ok()?;
            d.mantissa.checked_mul(10u64.checked_pow(shift)?)
        };
        let difference = scaled(self)?.checked_sub(scaled(other)?)?;
        Some(Decimal::new(difference, exponent))
    }

    /// For drawing only (bar lengths): never for text, which keeps the exact digits.
    pub fn to_f64(self) -> f64 {
        self.mantissa as f64 * 10f64.powi(self.exponent)
    }

    /// The digits before and after the decimal point when the value is divided by
    /// `10^shift`: `17.5万` shifted by 4 gives ("17", "5").
    pub fn digits_shifted(self, shift: i32) -> (String, String) {
        let digits = self.mantissa.to_string();
        let point_from_right = shift - self.exponent; // digits after the point
        if point_from_right <= 0 {
            let zeros = usize::try_from(-point_from_right).unwrap_or(0);
            return (format!("{digits}{}", "0".repeat(zeros)), String::new());
        }
        let after = usize::try_from(point_from_right).unwrap_or(0);
        if after >= digits.len() {
            let frac = format!("{}{digits}", "0".repeat(after - digits.len()));
            return ("0".to_owned(), frac);
        }
        let (int, frac) = digits.split_at(digits.len() - after);
        (int.to_owned(), frac.to_owned())
    }
}

/// A value is text in the source's own digits ("17.5万"), so no float rounds it; a JSON number
/// is refused, as it would be read through a float.
impl<'de> serde::Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Decimal::parse(&text).map_err(|e| {
            crate::error::bilingual(
                format_args!("\"{text}\" {e}"),
                format_args!("“{text}”{}", e.zh()),
            )
        })
    }
}

/// Baked as `Decimal::new(mantissa, exponent)`, a constant expression.
#[cfg(feature = "build")]
impl databake::Bake for Decimal {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("story");
        let (mantissa, exponent) = (self.mantissa.bake(env), self.exponent.bake(env));
        databake::quote! { story::Decimal::new(#mantissa, #exponent) }
    }
}

/// A decimal borrows nothing.
#[cfg(feature = "build")]
impl databake::BakeSize for Decimal {
    fn borrows_size(&self) -> usize {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_chinese_multipliers_exactly() {
        assert_eq!(Decimal::parse("17.5万"), Ok(Decimal::new(175_000, 0)));
        assert_eq!(Decimal::parse("1.5万亿"), Ok(Decimal::new(15, 11)));
        assert_eq!(Decimal::parse("41,610.9亿"), Ok(Decimal::new(416_109, 7)));
        assert_eq!(Decimal::parse("400000"), Ok(Decimal::new(4, 5)));
        assert_eq!(Decimal::parse("0.433"), Ok(Decimal::new(433, -3)));
    }

    #[test]
    fn rejects_what_is_not_a_plain_non_negative_number() {
        assert_eq!(Decimal::parse(""), Err(DecimalError::Empty));
        assert_eq!(Decimal::parse("-5"), Err(DecimalError::Negative));
        assert_eq!(Decimal::parse("NaN"), Err(DecimalError::NotANumber));
        assert_eq!(Decimal::parse("1e308"), Err(DecimalError::NotANumber));
        assert_eq!(Decimal::parse("万"), Err(DecimalError::NotANumber));
        assert_eq!(Decimal::parse(",1"), Err(DecimalError::NotANumber));
        assert_eq!(Decimal::parse("1.2.3"), Err(DecimalError::NotANumber));
        assert_eq!(
            Decimal::parse("1234567890123456789"),
            Err(DecimalError::TooManyDigits)
        );
        assert_eq!(Decimal::parse("100000万亿"), Err(DecimalError::TooLarge));
    }

    #[test]
    fn subtraction_is_exact() {
        let (all, part) = (Decimal::new(4, 5), Decimal::new(175, 3));
        assert_eq!(all.checked_sub(part), Some(Decimal::new(225, 3)));
        assert_eq!(part.checked_sub(all), None);
        assert_eq!(Decimal::new(1, 20).checked_sub(Decimal::new(1, -2)), None);
    }

    #[test]
    fn shifting_keeps_every_digit() {
        let v = Decimal::parse("17.5万").unwrap_or(Decimal::new(0, 0));
        assert_eq!(v.digits_shifted(4), ("17".into(), "5".into()));
        assert_eq!(v.digits_shifted(0), ("175000".into(), String::new()));
        assert_eq!(v.digits_shifted(6), ("0".into(), "175".into()));
        assert_eq!(v.magnitude(), 5);
    }
}
