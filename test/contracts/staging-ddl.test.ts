import { describe, expect, it } from "vitest";
import { STAGING_CONTRACTS, contractFor } from "../../loaders/contracts/index.ts";
import { stagingDdl } from "../../loaders/contracts/staging-ddl.ts";
import { fieldDocs } from "../../loaders/contracts/field-docs.ts";

// Column names of docs/architecture.md, the contract between the loaders and the SQL models.
const ARCHITECTURE: Record<string, string> = {
  stg_households: "period household_id head_name id_number phone area_code household_size labour_count household_type is_monitored monitor_kind risk_found_date identified_date risks risk_eliminated elimination_mode elimination_date no_labour measures first_assist_date income_wage income_business income_property income_transfer cost_business income_pc medical_self_paid housing_ok edu_ok med_ok water_ok helper_name date_month_only",
  stg_loans: "period institution loan_id borrower_type borrower_name id_number household_id area_code product contract_amount issue_date maturity_date balance annual_rate interest_subsidy guarantee grade overdue_principal overdue_days is_renewal is_extension credit_line credit_rating people_driven",
  stg_policies: "policy_id insurer line enrol_mode id_number household_id area_code insured_count premium subsidy sum_insured start_date end_date",
  stg_claims: "claim_id policy_id line id_number household_id area_code cause loss_date report_date paid_date paid_amount outstanding",
  stg_villages: "area_code village_name town_code town_name county_code county_name rural_households rural_population is_lifted_village former_names",
  stg_monitoring_lines: "year area_code line",
  stg_county_stats: "year county_code resident_population gdp_10k_yuan rural_income_pc",
  stg_medical_costs: "id_number name visit_date total_cost insurer_paid self_paid",
  stg_social_aid: "id_number name aid_type start_date end_date amount",
  stg_dwelling_appraisals: "id_number household_id area_code appraisal_date dwelling_grade",
  stg_school_dropouts: "student_id guardian_id area_code status status_date",
  stg_disability_certificates: "id_number disability_kind disability_grade issue_date",
  stg_disaster_losses: "id_number area_code disaster_date disaster_type loss_amount",
  stg_household_members: "period household_id person_id id_number id_type relation sex birth_date labour_skill phone",
  stg_lead_feedback: "lead_id check_date conclusion note department rule_name lead_date deadline town_name village_name household_id masked_name masked_id status_text",
};

describe("staging DDL from the contracts", () => {
  it("has exactly the architecture's columns, in order, plus source_file and source_row", () => {
    for (const contract of STAGING_CONTRACTS) {
      const ddl = stagingDdl(contract);
      const columns = [...ddl.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]);
      expect(columns).toEqual([...ARCHITECTURE[contract.table].split(" "), "source_file", "source_row"]);
    }
  });
  it("types codes as text, amounts as DOUBLE, lists as VARCHAR[]", () => {
    const ddl = stagingDdl(contractFor("households"));
    expect(ddl).toContain("area_code VARCHAR");
    expect(ddl).toContain("income_pc DOUBLE");
    expect(ddl).toContain("risks VARCHAR[]");
    expect(ddl).toContain("identified_date DATE");
    expect(ddl).toContain("is_monitored BOOLEAN");
    expect(ddl).toContain("household_size INTEGER");
  });
  it("declares the person-level roster with the period and household as the only required columns", () => {
    const ddl = stagingDdl(contractFor("household_members"));
    expect(ddl).toContain("create table if not exists stg_household_members");
    expect(ddl).toContain("birth_date DATE");
    const required = contractFor("household_members").fields.filter((x) => x.notNull ?? x.required).map((x) => x.key);
    expect(required).toEqual(["period", "household_id"]);
  });
  it("documents every field with its canonical header of DOMAIN.md §6", () => {
    const docs = fieldDocs(contractFor("county_stats"));
    expect(docs.map((d) => d.header)).toEqual(["年度", "县代码", "常住人口", "地区生产总值(万元)", "农村居民人均可支配收入"]);
    expect(docs.filter((d) => d.required).map((d) => d.header)).toEqual(["年度", "县代码"]);
  });
});
