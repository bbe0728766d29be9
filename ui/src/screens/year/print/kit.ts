// What the year-end papers are printed from: the year's page, the cooperative, and the
// distribution to print (the one on screen: approved, else proposed at the percentages
// the board last tried).
import type { CooperativeProfile } from "../../../lib/bindings/CooperativeProfile";
import type { Proposal } from "../../../lib/bindings/Proposal";
import type { YearPage } from "../../../lib/bindings/YearPage";

export type YearKit = {
  page: YearPage;
  cooperative: CooperativeProfile | null;
  proposal: Proposal | null;
};
