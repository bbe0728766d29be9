//! The read-only page at `/`: the received reports, newest first, for an operator's eyes.
//! Every value came from a cooperative's signed document, so every value is escaped.

use std::fmt::Write as _;

use crate::store::reports::ReportRow;

/// The page, as a complete HTML document.
pub fn render(rows: &[ReportRow]) -> String {
    let mut html = String::from(concat!(
        "<!doctype html>\n<html lang=\"fa\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<title>سامانه مرجع همیار — گزارش‌های دریافتی</title>\n",
        "<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse}",
        "th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:start}",
        "td.ltr{direction:ltr;unicode-bidi:embed;font-family:monospace}</style>\n",
        "</head>\n<body>\n<h1>گزارش‌های دریافتی</h1>\n",
    ));
    if rows.is_empty() {
        html.push_str("<p>هنوز گزارشی دریافت نشده است.</p>\n");
    } else {
        html.push_str(concat!(
            "<table>\n<thead><tr><th>شماره سامانه</th><th>شناسه ملی تعاونی</th><th>دوره</th>",
            "<th>زمان دریافت</th><th>وضعیت</th><th>چکیده محتوا</th></tr></thead>\n<tbody>\n",
        ));
        for row in rows.iter().rev() {
            let state =
                if row.superseded_by.is_some() { "جایگزین‌شده" } else { "پذیرفته" };
            let _ = writeln!(
                html,
                "<tr><td class=\"ltr\">{}</td><td class=\"ltr\">{}</td><td class=\"ltr\">{}</td>\
                 <td class=\"ltr\">{}</td><td>{}</td><td class=\"ltr\">{}</td></tr>",
                escape(&row.registry_id),
                escape(&row.legal_id),
                escape(&row.period),
                escape(&row.received_at),
                state,
                escape(&row.content_hash),
            );
        }
        html.push_str("</tbody>\n</table>\n");
    }
    html.push_str("</body>\n</html>\n");
    html
}

/// Text made safe for an HTML element or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(period: &str) -> ReportRow {
        ReportRow {
            registry_id: "HR-000001".into(),
            report_id: "r1".into(),
            legal_id: "14100001233".into(),
            period: period.into(),
            received_at: "2026-01-01T00:00:00Z".into(),
            content_hash: "sha256:00".into(),
            state: "accepted".into(),
            supersedes: None,
            superseded_by: None,
        }
    }

    #[test]
    fn a_script_in_a_period_label_is_shown_as_text() {
        let html = render(&[row("<script>alert('x')</script>")]);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    }

    #[test]
    fn the_page_is_persian_right_to_left_utf8() {
        let html = render(&[]);
        assert!(html.contains("<html lang=\"fa\" dir=\"rtl\">"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
    }
}
