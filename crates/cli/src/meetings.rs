//! CLI commands over general assemblies and board meetings.

use chrono::{Days, Utc};
use hamyar_core::ErrorCode;
use hamyar_core::jalali::{JalaliDate, parse_date};
use hamyar_core::meeting::record::{
    Body, ConveneInput, ElectionInput, MeetingInput, MinutesInput, NoticeInput, NotifyInput, ProxyInput,
    ResolutionInput,
};
use hamyar_core::meeting::{Candidate, ConvenedBy, MeetingKind, NoticeChannel};
use hamyar_store::Store;
use hamyar_store::meetings::{self, Ending};

use crate::commands::{Failure, Output, author, output, parse_wire, rejected};

/// `meeting …`
#[derive(Debug, clap::Subcommand)]
pub enum MeetingCommand {
    /// Plan and convene a meeting (an assembly's later call needs --call and --previous).
    Create {
        /// ordinary, extraordinary or board.
        #[arg(long, value_parser = parse_wire::<MeetingKind>)]
        kind: MeetingKind,
        /// Day of the meeting (ISO or Jalali).
        #[arg(long)]
        date: String,
        /// Call (نوبت): 1, 2 or 3.
        #[arg(long, default_value_t = 1)]
        call: u8,
        /// The earlier call this one follows.
        #[arg(long)]
        previous: Option<u32>,
        /// Elections of the board or inspectors are on the agenda.
        #[arg(long)]
        elections: bool,
        /// The annual ordinary assembly.
        #[arg(long)]
        annual: bool,
        /// An agenda item (repeat for several); default «گزارش و تصمیم‌گیری».
        #[arg(long)]
        agenda: Vec<String>,
        /// Hour, HH:MM.
        #[arg(long, default_value = "10:00")]
        hour: String,
        /// Place with its full address; default the cooperative's address.
        #[arg(long)]
        place: Option<String>,
        /// When and where proxies are validated.
        #[arg(long, default_value = "")]
        proxy_check: String,
        /// Last day of candidacy (elections); default five days before the meeting.
        #[arg(long)]
        candidacy_until: Option<String>,
        /// board, inspector, members, ministry or assembly.
        #[arg(long, default_value = "board", value_parser = parse_wire::<ConvenedBy>)]
        convened_by: ConvenedBy,
        /// The day of the request or order that led to it.
        #[arg(long, default_value = "")]
        requested: String,
        /// For a request by members: how many signed it.
        #[arg(long, default_value_t = 0)]
        requesters: u32,
    },
    /// Record a published notice.
    Notice {
        #[arg(long)]
        meeting: u32,
        /// Publication day (ISO or Jalali).
        #[arg(long)]
        published: String,
        /// newspaper, written or posting.
        #[arg(long, value_parser = parse_wire::<NoticeChannel>)]
        channel: NoticeChannel,
        /// Newspaper and issue, receipt, or where posted.
        #[arg(long, default_value = "")]
        reference: String,
    },
    /// Register a validated proxy: the holder is a member (--holder) or not (--holder-name).
    Proxy {
        #[arg(long)]
        meeting: u32,
        #[arg(long)]
        principal: u32,
        #[arg(long, conflicts_with = "holder_name")]
        holder: Option<u32>,
        #[arg(long)]
        holder_name: Option<String>,
        /// Who validated it.
        #[arg(long, default_value = "نماینده هیئت مدیره")]
        validated_by: String,
        /// Where.
        #[arg(long, default_value = "دفتر تعاونی")]
        validated_at: String,
    },
    /// Check in a member (or a non-member proxy holder with --holder-name).
    Checkin {
        #[arg(long)]
        meeting: u32,
        #[arg(long, conflicts_with = "holder_name")]
        member: Option<u32>,
        #[arg(long)]
        holder_name: Option<String>,
    },
    /// The live quorum.
    Quorum {
        #[arg(long)]
        meeting: u32,
    },
    /// Record a resolution's count; whether it passed is computed.
    Resolve {
        #[arg(long)]
        meeting: u32,
        #[arg(long)]
        text: String,
        #[arg(long)]
        yes: u32,
        #[arg(long)]
        no: u32,
        #[arg(long, default_value_t = 0)]
        abstain: u32,
    },
    /// Record an election's count: --candidate N:VOTES, repeated.
    Elect {
        #[arg(long)]
        meeting: u32,
        /// board or inspectors.
        #[arg(long, value_parser = parse_wire::<Body>)]
        body: Body,
        #[arg(long)]
        seats: u32,
        #[arg(long, default_value_t = 0)]
        alternates: u32,
        /// Ballots cast.
        #[arg(long)]
        ballots: u32,
        /// A candidate and votes, N:VOTES.
        #[arg(long)]
        candidate: Vec<String>,
        /// Order drawn by lot among tied candidates, N,N,…
        #[arg(long, default_value = "")]
        lot: String,
    },
    /// Take the minutes (presiding panel).
    Minutes {
        #[arg(long)]
        meeting: u32,
        #[arg(long)]
        chair: String,
        #[arg(long)]
        secretary: String,
        #[arg(long)]
        observer: Vec<String>,
    },
    /// Record that the decisions were notified.
    Notify {
        #[arg(long)]
        meeting: u32,
        #[arg(long, default_value = "")]
        date: String,
        #[arg(long, default_value = "posting", value_parser = parse_wire::<NoticeChannel>)]
        channel: NoticeChannel,
    },
    /// Close a meeting whose decisions were notified (a board meeting after its minutes).
    Close {
        #[arg(long)]
        meeting: u32,
    },
    /// Call a meeting off before it is held.
    Cancel {
        #[arg(long)]
        meeting: u32,
        #[arg(long)]
        reason: String,
    },
    /// Record that the call failed for lack of quorum (the next call may follow).
    Fail {
        #[arg(long)]
        meeting: u32,
    },
    /// Every meeting, newest first.
    List,
    /// One meeting with its notices, proxies, attendance, resolutions and elections.
    Show {
        #[arg(long)]
        meeting: u32,
    },
    /// Terms of office, newest first.
    Terms,
    /// A principal's seat fell vacant (death, resignation, disqualification).
    Vacate {
        /// board or inspectors.
        #[arg(long, value_parser = parse_wire::<Body>)]
        body: Body,
        #[arg(long)]
        member: u32,
        #[arg(long, default_value = "")]
        date: String,
        #[arg(long)]
        reason: String,
    },
    /// Call an alternate of the same election to a vacant seat.
    Fill {
        #[arg(long, value_parser = parse_wire::<Body>)]
        body: Body,
        /// The principal whose seat is vacant.
        #[arg(long)]
        vacated: u32,
        #[arg(long)]
        alternate: u32,
        #[arg(long, default_value = "")]
        date: String,
    },
}

fn candidate(text: &str) -> Result<Candidate, Failure> {
    let (no, votes) = text.split_once(':').ok_or_else(|| rejected(ErrorCode::CandidateNotEligible))?;
    let parse = |s: &str| hamyar_core::text::ascii_digits(s.trim()).parse::<u32>();
    match (parse(no), parse(votes)) {
        (Ok(membership_no), Ok(votes)) => Ok(Candidate { membership_no, votes }),
        _ => Err(rejected(ErrorCode::CandidateNotEligible)),
    }
}

fn jalali(d: chrono::NaiveDate) -> String {
    JalaliDate::from_gregorian(d).to_ascii()
}

pub fn meeting(store: &mut Store, c: &MeetingCommand) -> Result<Output, Failure> {
    let now = Utc::now();
    let who = author();
    match c {
        MeetingCommand::Create {
            kind,
            date,
            call,
            previous,
            elections,
            annual,
            agenda,
            hour,
            place,
            proxy_check,
            candidacy_until,
            convened_by,
            requested,
            requesters,
        } => {
            let place = match place {
                Some(p) => p.clone(),
                None => hamyar_store::profile::get(store)?
                    .map(|p| format!("{}، {}", p.data.city, p.data.address))
                    .unwrap_or_default(),
            };
            let candidacy_until = match (candidacy_until, elections) {
                (Some(c), _) => c.clone(),
                (None, true) => parse_date(date)
                    .ok()
                    .and_then(|d| d.checked_sub_days(Days::new(5)))
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                (None, false) => String::new(),
            };
            let agenda = if agenda.is_empty() {
                vec!["گزارش و تصمیم‌گیری".to_owned()]
            } else {
                agenda.clone()
            };
            let input = MeetingInput {
                kind: *kind,
                call: *call,
                previous: *previous,
                annual: *annual,
                elections: *elections,
                date: date.clone(),
                hour: hour.clone(),
                place,
                proxy_check: proxy_check.clone(),
                candidacy_until,
                agenda,
            };
            let convene = ConveneInput {
                meeting: 0,
                convened_by: *convened_by,
                requested: requested.clone(),
                requesters: *requesters,
                date: String::new(),
            };
            let m = meetings::create_convened(store, &who, now, &input, &convene)?;
            let human =
                format!("meeting {} ({:?}, call {}) on {}", m.meeting, m.kind, m.call, jalali(m.date));
            output(&serde_json::json!({ "id": m.meeting, "meeting": m }), human)
        }
        MeetingCommand::Notice { meeting, published, channel, reference } => {
            let input = NoticeInput {
                meeting: *meeting,
                published: published.clone(),
                channel: *channel,
                reference: reference.clone(),
            };
            let m = meetings::notice(store, &who, now, &input)?;
            let warned: Vec<&str> = m.warnings.iter().map(|w| w.code.as_str()).collect();
            output(&m, format!("notice recorded for meeting {}; warnings: {}", m.meeting, warned.join(", ")))
        }
        MeetingCommand::Proxy { meeting, principal, holder, holder_name, validated_by, validated_at } => {
            let input = ProxyInput {
                meeting: *meeting,
                principal: *principal,
                holder_member: *holder,
                holder_name: holder_name.clone().unwrap_or_default(),
                validated_by: validated_by.clone(),
                validated_at: validated_at.clone(),
                date: String::new(),
            };
            let p = meetings::proxy(store, &who, now, &input)?;
            output(&p, format!("member {} represented by {}", p.principal, p.holder_name))
        }
        MeetingCommand::Checkin { meeting, member, holder_name } => {
            let q = meetings::checkin(store, &who, now, *meeting, *member, holder_name.as_deref())?;
            output(&q, quorum_line(&q))
        }
        MeetingCommand::Quorum { meeting } => {
            let q = meetings::quorum(store.conn(), *meeting)?;
            output(&q, quorum_line(&q))
        }
        MeetingCommand::Resolve { meeting, text, yes, no, abstain } => {
            let input = ResolutionInput {
                meeting: *meeting,
                text: text.clone(),
                yes: *yes,
                no: *no,
                abstain: *abstain,
            };
            let r = meetings::resolve(store, &who, now, &input)?;
            let t = &r.tally;
            let json = serde_json::json!({
                "passed": t.passed, "number": r.number, "yes": t.yes, "no": t.no, "abstain": t.abstain,
                "votes_present": t.votes_present, "required": t.required,
            });
            let verdict = if t.passed { "passed" } else { "not passed" };
            output(&json, format!("resolution {}: {verdict} ({} of {} needed)", r.number, t.yes, t.required))
        }
        MeetingCommand::Elect { meeting, body, seats, alternates, ballots, candidate: list, lot } => {
            let candidates = list.iter().map(|c| candidate(c)).collect::<Result<Vec<_>, _>>()?;
            let lot = lot
                .split(',')
                .filter(|s| !s.trim().is_empty())
                .map(|s| s.trim().parse::<u32>().map_err(|_| rejected(ErrorCode::ElectionTied)))
                .collect::<Result<Vec<_>, _>>()?;
            let input = ElectionInput {
                meeting: *meeting,
                body: *body,
                seats: *seats,
                alternates: *alternates,
                ballots: *ballots,
                candidates,
                lot,
            };
            let e = meetings::elect(store, &who, now, &input)?;
            let names = |list: &[hamyar_core::meeting::Ranked]| {
                list.iter().map(|r| r.membership_no.to_string()).collect::<Vec<_>>().join(", ")
            };
            let human = format!(
                "principals: {}; alternates: {}",
                names(&e.result.principals),
                names(&e.result.alternates)
            );
            output(&e, human)
        }
        MeetingCommand::Minutes { meeting, chair, secretary, observer } => {
            let input = MinutesInput {
                meeting: *meeting,
                chair: chair.clone(),
                secretary: secretary.clone(),
                observers: observer.clone(),
            };
            let m = meetings::minutes(store, &who, now, &input)?;
            output(
                &meetings::page(store.conn(), m.meeting, now)?,
                format!("minutes taken for meeting {}", m.meeting),
            )
        }
        MeetingCommand::Notify { meeting, date, channel } => {
            let input = NotifyInput { meeting: *meeting, date: date.clone(), channel: *channel };
            let m = meetings::notify(store, &who, now, &input)?;
            output(&m, format!("decisions of meeting {} notified", m.meeting))
        }
        MeetingCommand::Close { meeting } => ended(store, *meeting, Ending::Close, ""),
        MeetingCommand::Cancel { meeting, reason } => ended(store, *meeting, Ending::Cancel, reason),
        MeetingCommand::Fail { meeting } => {
            let out = ended(store, *meeting, Ending::Fail, "")?;
            Ok(Output {
                human: format!(
                    "{}\nnext: hamyar-cli meeting create --call 2 --previous {meeting} …",
                    out.human
                ),
                ..out
            })
        }
        MeetingCommand::List => {
            let list = meetings::list(store.conn())?;
            let human = list
                .iter()
                .map(|m| {
                    format!(
                        "{:>4}  {}  {:?} call {}  {:?}",
                        m.meeting,
                        jalali(m.date),
                        m.kind,
                        m.call,
                        m.stage
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            output(&list, human)
        }
        MeetingCommand::Show { meeting } => {
            let p = meetings::page(store.conn(), *meeting, now)?;
            let human = format!(
                "meeting {} ({:?}, call {}) {:?} on {}; {} resolutions, {} elections",
                p.meeting.meeting,
                p.meeting.kind,
                p.meeting.call,
                p.meeting.stage,
                jalali(p.meeting.date),
                p.resolutions.len(),
                p.elections.len()
            );
            output(&p, human)
        }
        MeetingCommand::Terms => {
            let list = meetings::officers(store.conn())?;
            let human = list.iter().map(officer_line).collect::<Vec<_>>().join("\n");
            output(&list, human)
        }
        MeetingCommand::Vacate { body, member, date, reason } => {
            let o = meetings::vacate(store, &who, now, *body, *member, date, reason)?;
            output(&o, format!("seat vacant: {}", officer_line(&o)))
        }
        MeetingCommand::Fill { body, vacated, alternate, date } => {
            let o = meetings::fill(store, &who, now, *body, *vacated, *alternate, date)?;
            output(&o, format!("called to the seat: {}", officer_line(&o)))
        }
    }
}

fn officer_line(o: &meetings::Officer) -> String {
    let role = if o.principal { "principal" } else { "alternate" };
    format!("{:?}  {} {}  {role}  {} … {}", o.body, o.membership_no, o.name, jalali(o.start), jalali(o.end))
}

fn ended(store: &mut Store, meeting: u32, ending: Ending, reason: &str) -> Result<Output, Failure> {
    let m = meetings::end(store, &author(), Utc::now(), meeting, ending, reason).map_err(Failure::from)?;
    output(&m, format!("meeting {} is {:?}", m.meeting, m.stage))
}

fn quorum_line(q: &hamyar_core::meeting::QuorumCount) -> String {
    let met = if q.met { "met" } else { "not met" };
    format!(
        "quorum {met}: {} present ({} in person, {} by proxy) of {} required, {} entitled",
        q.present, q.in_person, q.by_proxy, q.required, q.entitled
    )
}
