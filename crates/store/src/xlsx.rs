//! The one rule for numbers in spreadsheets: a cell is a double, so an integer (rials, a count)
//! is written as a number only while a double holds it exactly (below 2^53 in magnitude — every
//! cooperative's amounts); above that, callers write its digits as text, never a rounded figure.

/// Integers below this magnitude are exact doubles.
pub const EXACT_LIMIT: i128 = 1 << 53;

/// `n` as a spreadsheet number, when a double holds it exactly.
pub fn exact_number(n: i128) -> Option<f64> {
    if n.abs() < EXACT_LIMIT {
        // Exact: every integer of this size is a double.
        #[allow(clippy::cast_precision_loss)]
        let value = n as f64;
        Some(value)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_numbers_only_while_exact() {
        assert_eq!(
            exact_number(9_007_199_254_740_991).map(|v| v.to_string()),
            Some("9007199254740991".into())
        );
        assert_eq!(
            exact_number(-9_007_199_254_740_991).map(|v| v.to_string()),
            Some("-9007199254740991".into())
        );
        assert_eq!(exact_number(9_007_199_254_740_992), None);
        assert_eq!(exact_number(0), Some(0.0_f64).filter(|v| v.to_string() == "0"));
    }
}
