"""The permission matrix: for every URL the product serves, what each role gets.

One line a URL: its name, the method tried (POST for URLs that only take a POST, with the data
in tests/trust/world.py), then the outcome for each role in this order:

    anon        not signed in
    lead        the lead of the draft, the proposal on the next agenda and the project checked
    other_lead  another project lead, who leads none of them
    member      a voting member of the strategic group
    chair       the chair
    barred      a member with a prejudicial interest in the item checked, whose vote is open
    team        the programme team
    finance     finance
    auditor     an auditor, who reads the record and changes nothing

Outcomes: a status code; "login" is a redirect to sign in; "no" is a redirect back carrying a
refusal; "302" any other redirect; "400" is the form shown again with the refusal in its error
summary. "!" marks a request that changed something and wrote the
audit log; every other request must leave the audit log as it was. Wagtail's own back-office
URLs are checked by a sweep in the test, not listed here.
"""

from tests.trust.world import ROLES

MATRIX_TEXT = """
# name                                 meth.anon  lead  other membr chair barrd team  fin.  audit
login                                  GET  200   302   302   302   302   302   302   302   302
logout                                 POST login login login login login login login login login
password_reset                         GET  200   200   200   200   200   200   200   200   200
password_reset_done                    GET  200   200   200   200   200   200   200   200   200
password_reset_confirm                 GET  200   200   200   200   200   200   200   200   200
password_reset_complete                GET  200   200   200   200   200   200   200   200   200
sessions                               GET  login 200   200   200   200   200   200   200   200
session_end                            POST login 302!  404   404   404   404   404   404   404
sessions_end_others                    POST login 302!  302   302   302   302   302   302   302
two_factor_setup                       GET  login 302   302   302   302   302   302   302   302
two_factor_codes                       GET  login 302   302   302   302   302   302   302   302
two_factor_verify                      GET  login 302   302   302   302   302   302   302   302
portal:home                            GET  login 200   200   200   200   200   200   200   200
governance:meetings                    GET  login 403   403   200   200   200   200   403   200
governance:meeting                     GET  login 403   403   200   200   200   200   403   200
governance:papers                      GET  login 403   403   200   200   200   200   403   200
governance:papers_pdf                  GET  login 403   403   200   200   200   200   403   200
governance:attendance                  GET  login 403   403   403   200   403   200   403   403
governance:publish                     GET  login 403   403   403   200   403   200   403   403
governance:start                       GET  login 403   403   403   200   403   200   403   403
governance:minutes_edit                GET  login 403   403   403   200   403   200   403   403
governance:cancel                      GET  login 403   403   403   200   403   200   403   403
governance:adjourn                     GET  login 403   403   403   200   403   200   403   403
governance:defer_rest                  GET  login 403   403   403   200   403   200   403   403
governance:mark_present                POST login 403   403   no    302!  no    302!  403   no
governance:all_present                 POST login 403   403   no    no    no    no    403   no
governance:interests                   GET  login 403   403   200   200   200   403   403   403
governance:interest_end                POST login 403   403   404   404   404   403   403   403
governance:chairs_action               GET  login 403   403   403   200   403   403   403   403
governance:urgent                      GET  login 403   403   403   200   403   200   403   403
governance:move                        POST login 403   403   no    no    no    no    403   no
governance:dispense                    POST login 403   403   no    400   no    400   403   no
governance:condition_met               POST login 403   403   no    302!  no    302!  403   no
governance:approve_minutes             POST login 403   403   no    302!  no    302!  403   no
governance:meeting_action              POST login 403   403   403   no    403   no    403   403
governance:item                        GET  login 403   403   200   200   200   200   403   200
governance:declare                     POST login 403   403   400   400   400   no    403   no
governance:ask                         POST login 403   403   400   400   400   400   403   no
governance:decide                      POST login 403   403   no    400   no    400   403   no
governance:defer                       POST login 403   403   no    400   no    400   403   no
governance:correct                     POST login 403   403   no    302!  no    302!  403   no
governance:vote                        POST login 403   403   302!  302!  no    no    403   no
proposals:list                         GET  login 200   200   403   403   403   403   403   403
proposals:new                          GET  login 200   200   403   403   403   403   403   403
proposals:detail                       GET  login 200   404   302   302   302   302   302   302
proposals:check                        GET  login 200   404   404   404   404   404   404   404
proposals:submitted                    GET  login 200   404   404   404   404   404   404   404
proposals:withdraw                     GET  login 200   404   404   404   404   404   404   404
proposals:version                      GET  login 200   404   200   200   200   200   200   200
proposals:attachment                   GET  login 200   404   404   404   404   404   404   404
governance:answer                      POST login 302!  404   403   403   403   302!  403   403
governance:decision_letter             GET  login 200   404   200   200   200   200   200   200
governance:decision_letter_pdf         GET  login 200   404   200   200   200   200   200   200
proposals:budget                       GET  login 200   404   404   404   404   404   404   404
proposals:budget_remove                POST login 302!  404   404   404   404   404   404   404
proposals:attachments                  GET  login 200   404   404   404   404   404   404   404
proposals:attachment_remove            POST login 302!  404   404   404   404   404   404   404
proposals:co_leads                     GET  login 200   404   404   404   404   404   404   404
proposals:co_lead_remove               POST login 302!  404   404   404   404   404   404   404
proposals:invitation_withdraw          POST login 302!  404   404   404   404   404   404   404
proposals:invitation_answer            POST login 404   302!  404   404   404   404   404   404
proposals:outcomes                     GET  login 200   404   404   404   404   404   404   404
proposals:criteria                     GET  login 200   404   404   404   404   404   404   404
proposals:section                      GET  login 200   404   404   404   404   404   404   404
projects:list                          GET  login 200   200   200   200   200   200   200   200
projects:detail                        GET  login 200   404   200   200   200   200   200   200
projects:report                        GET  login 200   404   200   200   200   200   200   200
projects:report_write                  GET  login 302   404   403   403   403   302   403   403
projects:final_report                  GET  login 200   404   403   403   403   200   403   403
projects:agreement                     GET  login 200   404   200   200   200   200   200   200
projects:agreement_accept              POST login no    404   403   403   403   403   403   403
projects:payment_request               GET  login 200   404   403   403   403   403   403   403
evaluations:results                    GET  login 403   403   200   200   200   200   200   200
evaluations:project_results            GET  login 200   404   403   403   403   200   403   403
audit_trail:index                      GET  login 403   403   403   403   403   200   200   200
audit_trail:results                    GET  login 403   403   403   403   403   200   200   200
spend:import                           GET  login 403   403   403   403   403   no    200   no
spend:close_month                      GET  login 403   403   403   403   403   no    200   no
spend:attention                        GET  login 403   403   403   403   403   no    200   no
spend:explain                          GET  login 403   403   403   403   403   no    200   no
projects_admin:profile                 GET  login 403   403   403   403   403   200   no    no
claims:index                           GET  login 403   403   403   403   403   200   no    200
claims:detail                          GET  login 403   403   403   403   403   200   no    200
claims:csv                             GET  login 403   403   403   403   403   200   no    200
claims:verdict                         POST login 403   403   403   403   403   no    no    302!
claims:submit                          POST login 403   403   403   403   403   no    no    no
quarterly_returns:index                GET  login 403   403   403   403   403   200   no    200
quarterly_returns:prepare              GET  login 403   403   403   403   403   200   no    200
quarterly_returns:detail               GET  login 403   403   403   403   403   200   no    200
quarterly_returns:csv                  GET  login 403   403   403   403   403   200   no    200
projects_admin:closure                 GET  login 403   403   403   403   403   200   200   200
projects_admin:agreement               GET  login 403   403   403   403   403   200   200   200
projects_admin:payment_approve         POST login 403   403   403   403   403   302!  no    no
projects_admin:payment_match           POST login 403   403   403   403   403   302!  302!  no
projects_admin:milestones              GET  login 403   403   403   403   403   200   no    no
progress_reports:overdue               GET  login 403   403   403   403   403   200   200   200
finance:index                          GET  login 403   403   403   403   403   200   200   200
finance:workbook                       GET  login 403   403   403   403   403   200   200   200
finance:workbook_prepare               POST login 403   403   403   403   403   302!  302!  302!
finance:workbook_run                   GET  login 403   403   403   403   403   404   200   404
finance:workbook_file                  GET  login 403   403   403   403   403   404   200   404
finance:transparency                   GET  login 403   403   403   403   403   200   200   200
finance:360giving                      GET  login 403   403   403   403   403   200   200   200
families:import                        GET  login 403   403   403   403   403   200   no    no
families:case_level                    GET  login 403   403   403   403   403   200   no    no
organisations:index                    GET  login 403   403   403   403   403   200   200   200
organisations:index_results            GET  login 403   403   403   403   403   200   200   200
organisations:add                      GET  login 403   403   403   403   403   200   no    no
organisations:edit                     GET  login 403   403   403   403   403   200   no    no
organisations:delete                   GET  login 403   403   403   403   403   200   no    no
organisations:history                  GET  login 403   403   403   403   403   200   no    no
organisations:history_results          GET  login 403   403   403   403   403   200   no    no
organisations:usage                    GET  login 403   403   403   403   403   200   no    no
organisations:inspect                  GET  login 403   403   403   403   403   200   200   200
organisations:copy                     GET  login 403   403   403   403   403   200   no    no
memberships:index                      GET  login 403   403   403   403   403   200   no    200
memberships:index_results              GET  login 403   403   403   403   403   200   no    200
memberships:add                        GET  login 403   403   403   403   403   200   no    no
memberships:edit                       GET  login 403   403   403   403   403   200   no    no
memberships:delete                     GET  login 403   403   403   403   403   200   no    no
memberships:history                    GET  login 403   403   403   403   403   200   no    no
memberships:history_results            GET  login 403   403   403   403   403   200   no    no
memberships:usage                      GET  login 403   403   403   403   403   200   no    no
memberships:inspect                    GET  login 403   403   403   403   403   200   no    200
memberships:copy                       GET  login 403   403   403   403   403   200   no    no
interests:index                        GET  login 403   403   403   403   403   200   no    200
interests:index_results                GET  login 403   403   403   403   403   200   no    200
interests:add                          GET  login 403   403   403   403   403   200   no    no
interests:edit                         GET  login 403   403   403   403   403   200   no    no
interests:delete                       GET  login 403   403   403   403   403   200   no    no
interests:history                      GET  login 403   403   403   403   403   200   no    no
interests:history_results              GET  login 403   403   403   403   403   200   no    no
interests:usage                        GET  login 403   403   403   403   403   200   no    no
interests:inspect                      GET  login 403   403   403   403   403   200   no    200
interests:copy                         GET  login 403   403   403   403   403   200   no    no
priorities:index                       GET  login 403   403   403   403   403   200   200   200
priorities:index_results               GET  login 403   403   403   403   403   200   200   200
priorities:add                         GET  login 403   403   403   403   403   200   no    no
priorities:edit                        GET  login 403   403   403   403   403   200   no    no
priorities:delete                      GET  login 403   403   403   403   403   200   no    no
priorities:history                     GET  login 403   403   403   403   403   200   no    no
priorities:history_results             GET  login 403   403   403   403   403   200   no    no
priorities:usage                       GET  login 403   403   403   403   403   200   no    no
priorities:inspect                     GET  login 403   403   403   403   403   200   200   200
priorities:copy                        GET  login 403   403   403   403   403   200   no    no
criteria:index                         GET  login 403   403   403   403   403   200   200   200
criteria:index_results                 GET  login 403   403   403   403   403   200   200   200
criteria:add                           GET  login 403   403   403   403   403   200   no    no
criteria:edit                          GET  login 403   403   403   403   403   200   no    no
criteria:delete                        GET  login 403   403   403   403   403   200   no    no
criteria:history                       GET  login 403   403   403   403   403   200   no    no
criteria:history_results               GET  login 403   403   403   403   403   200   no    no
criteria:usage                         GET  login 403   403   403   403   403   200   no    no
criteria:inspect                       GET  login 403   403   403   403   403   200   200   200
criteria:copy                          GET  login 403   403   403   403   403   200   no    no
headline-targets:index                 GET  login 403   403   403   403   403   200   no    200
headline-targets:index_results         GET  login 403   403   403   403   403   200   no    200
headline-targets:add                   GET  login 403   403   403   403   403   200   no    no
headline-targets:edit                  GET  login 403   403   403   403   403   200   no    no
headline-targets:delete                GET  login 403   403   403   403   403   200   no    no
headline-targets:history               GET  login 403   403   403   403   403   200   no    no
headline-targets:history_results       GET  login 403   403   403   403   403   200   no    no
headline-targets:usage                 GET  login 403   403   403   403   403   200   no    no
headline-targets:copy                  GET  login 403   403   403   403   403   200   no    no
import-layouts:index                   GET  login 403   403   403   403   403   200   200   200
import-layouts:index_results           GET  login 403   403   403   403   403   200   200   200
import-layouts:add                     GET  login 403   403   403   403   403   200   200   no
import-layouts:edit                    GET  login 403   403   403   403   403   200   200   no
import-layouts:delete                  GET  login 403   403   403   403   403   200   200   no
import-layouts:history                 GET  login 403   403   403   403   403   200   200   no
import-layouts:history_results         GET  login 403   403   403   403   403   200   200   no
import-layouts:usage                   GET  login 403   403   403   403   403   200   200   no
import-layouts:inspect                 GET  login 403   403   403   403   403   200   200   200
import-layouts:copy                    GET  login 403   403   403   403   403   200   200   no
funds:index                            GET  login 403   403   403   403   403   200   200   200
funds:index_results                    GET  login 403   403   403   403   403   200   200   200
funds:add                              GET  login 403   403   403   403   403   200   200   no
funds:edit                             GET  login 403   403   403   403   403   200   200   no
funds:delete                           GET  login 403   403   403   403   403   200   200   no
funds:history                          GET  login 403   403   403   403   403   200   200   no
funds:history_results                  GET  login 403   403   403   403   403   200   200   no
funds:usage                            GET  login 403   403   403   403   403   200   200   no
funds:inspect                          GET  login 403   403   403   403   403   200   200   200
funds:copy                             GET  login 403   403   403   403   403   200   200   no
meetings:index                         GET  login 403   403   403   403   403   200   200   200
meetings:index_results                 GET  login 403   403   403   403   403   200   200   200
meetings:add                           GET  login 403   403   403   403   403   200   no    no
meetings:edit                          GET  login 403   403   403   403   403   200   no    no
meetings:delete                        GET  login 403   403   403   403   403   200   no    no
meetings:history                       GET  login 403   403   403   403   403   200   no    no
meetings:history_results               GET  login 403   403   403   403   403   200   no    no
meetings:usage                         GET  login 403   403   403   403   403   200   no    no
meetings:inspect                       GET  login 403   403   403   403   403   200   200   200
meetings:copy                          GET  login 403   403   403   403   403   200   no    no
meetings:schedule                      GET  login 403   403   403   403   403   200   no    no
decisions:index                        GET  login 403   403   403   403   403   200   200   200
decisions:index_results                GET  login 403   403   403   403   403   200   200   200
decisions:add                          GET  login 403   403   403   403   403   no    no    no
decisions:edit                         GET  login 403   403   403   403   403   no    no    no
decisions:delete                       GET  login 403   403   403   403   403   no    no    no
decisions:history                      GET  login 403   403   403   403   403   no    no    no
decisions:history_results              GET  login 403   403   403   403   403   no    no    no
decisions:usage                        GET  login 403   403   403   403   403   no    no    no
decisions:inspect                      GET  login 403   403   403   403   403   200   200   200
decisions:copy                         GET  login 403   403   403   403   403   no    no    no
proposals_admin:index                  GET  login 403   403   403   403   403   200   200   200
proposals_admin:index_results          GET  login 403   403   403   403   403   200   200   200
proposals_admin:add                    GET  login 403   403   403   403   403   no    no    no
proposals_admin:edit                   GET  login 403   403   403   403   403   no    no    no
proposals_admin:delete                 GET  login 403   403   403   403   403   no    no    no
proposals_admin:history                GET  login 403   403   403   403   403   no    no    no
proposals_admin:history_results        GET  login 403   403   403   403   403   no    no    no
proposals_admin:usage                  GET  login 403   403   403   403   403   no    no    no
proposals_admin:inspect                GET  login 403   403   403   403   403   200   200   200
proposals_admin:copy                   GET  login 403   403   403   403   403   no    no    no
proposals_admin:screen                 GET  login 403   403   403   403   403   200   no    no
progress_reports:index                 GET  login 403   403   403   403   403   200   200   200
progress_reports:index_results         GET  login 403   403   403   403   403   200   200   200
progress_reports:add                   GET  login 403   403   403   403   403   no    no    no
progress_reports:edit                  GET  login 403   403   403   403   403   no    no    no
progress_reports:delete                GET  login 403   403   403   403   403   no    no    no
progress_reports:history               GET  login 403   403   403   403   403   no    no    no
progress_reports:history_results       GET  login 403   403   403   403   403   no    no    no
progress_reports:usage                 GET  login 403   403   403   403   403   no    no    no
progress_reports:inspect               GET  login 403   403   403   403   403   200   200   200
progress_reports:copy                  GET  login 403   403   403   403   403   no    no    no
projects_admin:index                   GET  login 403   403   403   403   403   200   200   200
projects_admin:index_results           GET  login 403   403   403   403   403   200   200   200
projects_admin:add                     GET  login 403   403   403   403   403   200   no    no
projects_admin:edit                    GET  login 403   403   403   403   403   200   no    no
projects_admin:delete                  GET  login 403   403   403   403   403   no    no    no
projects_admin:history                 GET  login 403   403   403   403   403   200   no    no
projects_admin:history_results         GET  login 403   403   403   403   403   200   no    no
projects_admin:usage                   GET  login 403   403   403   403   403   200   no    no
projects_admin:inspect                 GET  login 403   403   403   403   403   200   200   200
projects_admin:copy                    GET  login 403   403   403   403   403   200   no    no
spend:index                            GET  login 403   403   403   403   403   200   200   200
spend:index_results                    GET  login 403   403   403   403   403   200   200   200
spend:add                              GET  login 403   403   403   403   403   no    200   no
spend:edit                             GET  login 403   403   403   403   403   no    no    no
spend:delete                           GET  login 403   403   403   403   403   no    no    no
spend:history                          GET  login 403   403   403   403   403   no    200   no
spend:history_results                  GET  login 403   403   403   403   403   no    200   no
spend:usage                            GET  login 403   403   403   403   403   no    no    no
spend:inspect                          GET  login 403   403   403   403   403   200   200   200
spend:copy                             GET  login 403   403   403   403   403   no    200   no
outcomes:index                         GET  login 403   403   403   403   403   200   200   200
outcomes:index_results                 GET  login 403   403   403   403   403   200   200   200
outcomes:add                           GET  login 403   403   403   403   403   no    no    no
outcomes:edit                          GET  login 403   403   403   403   403   200   no    no
outcomes:delete                        GET  login 403   403   403   403   403   no    no    no
outcomes:history                       GET  login 403   403   403   403   403   200   no    no
outcomes:history_results               GET  login 403   403   403   403   403   200   no    no
outcomes:usage                         GET  login 403   403   403   403   403   200   no    no
outcomes:inspect                       GET  login 403   403   403   403   403   200   200   200
outcomes:copy                          GET  login 403   403   403   403   403   no    no    no
families:index                         GET  login 403   403   403   403   403   200   no    no
families:index_results                 GET  login 403   403   403   403   403   200   no    no
families:add                           GET  login 403   403   403   403   403   no    no    no
families:edit                          GET  login 403   403   403   403   403   no    no    no
families:delete                        GET  login 403   403   403   403   403   no    no    no
families:history                       GET  login 403   403   403   403   403   no    no    no
families:history_results               GET  login 403   403   403   403   403   no    no    no
families:usage                         GET  login 403   403   403   403   403   no    no    no
families:inspect                       GET  login 403   403   403   403   403   200   no    no
families:copy                          GET  login 403   403   403   403   403   no    no    no
family_imports:index                   GET  login 403   403   403   403   403   200   no    200
family_imports:index_results           GET  login 403   403   403   403   403   200   no    200
family_imports:add                     GET  login 403   403   403   403   403   200   no    no
family_imports:edit                    GET  login 403   403   403   403   403   no    no    no
family_imports:delete                  GET  login 403   403   403   403   403   no    no    no
family_imports:history                 GET  login 403   403   403   403   403   200   no    no
family_imports:history_results         GET  login 403   403   403   403   403   200   no    no
family_imports:usage                   GET  login 403   403   403   403   403   no    no    no
family_imports:inspect                 GET  login 403   403   403   403   403   200   no    200
family_imports:copy                    GET  login 403   403   403   403   403   200   no    no
project_results:index                  GET  login 403   403   403   403   403   200   200   200
project_results:index_results          GET  login 403   403   403   403   403   200   200   200
project_results:add                    GET  login 403   403   403   403   403   200   no    no
project_results:edit                   GET  login 403   403   403   403   403   200   no    no
project_results:delete                 GET  login 403   403   403   403   403   200   no    no
project_results:history                GET  login 403   403   403   403   403   200   no    no
project_results:history_results        GET  login 403   403   403   403   403   200   no    no
project_results:usage                  GET  login 403   403   403   403   403   200   no    no
project_results:inspect                GET  login 403   403   403   403   403   200   200   200
project_results:copy                   GET  login 403   403   403   403   403   200   no    no
project_targets:index                  GET  login 403   403   403   403   403   200   200   200
project_targets:index_results          GET  login 403   403   403   403   403   200   200   200
project_targets:add                    GET  login 403   403   403   403   403   200   no    no
project_targets:edit                   GET  login 403   403   403   403   403   200   no    no
project_targets:delete                 GET  login 403   403   403   403   403   200   no    no
project_targets:history                GET  login 403   403   403   403   403   200   no    no
project_targets:history_results        GET  login 403   403   403   403   403   200   no    no
project_targets:usage                  GET  login 403   403   403   403   403   200   no    no
project_targets:copy                   GET  login 403   403   403   403   403   200   no    no
unit_costs:index                       GET  login 403   403   403   403   403   200   200   200
unit_costs:index_results               GET  login 403   403   403   403   403   200   200   200
unit_costs:add                         GET  login 403   403   403   403   403   200   no    no
unit_costs:edit                        GET  login 403   403   403   403   403   200   no    no
unit_costs:delete                      GET  login 403   403   403   403   403   200   no    no
unit_costs:history                     GET  login 403   403   403   403   403   200   no    no
unit_costs:history_results             GET  login 403   403   403   403   403   200   no    no
unit_costs:usage                       GET  login 403   403   403   403   403   200   no    no
unit_costs:inspect                     GET  login 403   403   403   403   403   200   200   200
unit_costs:copy                        GET  login 403   403   403   403   403   200   no    no
evaluation_studies:index               GET  login 403   403   403   403   403   200   no    200
evaluation_studies:index_results       GET  login 403   403   403   403   403   200   no    200
evaluation_studies:add                 GET  login 403   403   403   403   403   200   no    no
evaluation_studies:edit                GET  login 403   403   403   403   403   200   no    no
evaluation_studies:delete              GET  login 403   403   403   403   403   200   no    no
evaluation_studies:history             GET  login 403   403   403   403   403   200   no    no
evaluation_studies:history_results     GET  login 403   403   403   403   403   200   no    no
evaluation_studies:usage               GET  login 403   403   403   403   403   200   no    no
evaluation_studies:inspect             GET  login 403   403   403   403   403   200   no    200
evaluation_studies:copy                GET  login 403   403   403   403   403   200   no    no
data_releases:index                    GET  login 403   403   403   403   403   200   no    200
data_releases:index_results            GET  login 403   403   403   403   403   200   no    200
data_releases:add                      GET  login 403   403   403   403   403   200   no    no
data_releases:edit                     GET  login 403   403   403   403   403   no    no    no
data_releases:delete                   GET  login 403   403   403   403   403   no    no    no
data_releases:history                  GET  login 403   403   403   403   403   200   no    no
data_releases:history_results          GET  login 403   403   403   403   403   200   no    no
data_releases:usage                    GET  login 403   403   403   403   403   no    no    no
data_releases:inspect                  GET  login 403   403   403   403   403   200   no    200
data_releases:copy                     GET  login 403   403   403   403   403   200   no    no
wagtailusers_users:index               GET  login 403   403   403   403   403   no    no    no
wagtailusers_users:index_results       GET  login 403   403   403   403   403   no    no    no
wagtailusers_users:add                 GET  login 403   403   403   403   403   no    no    no
wagtailusers_users:edit                GET  login 403   403   403   403   403   no    no    no
wagtailusers_users:delete              GET  login 403   403   403   403   403   no    no    no
wagtailusers_users:history             GET  login 403   403   403   403   403   no    no    no
wagtailusers_users:history_results     GET  login 403   403   403   403   403   no    no    no
wagtailusers_users:usage               GET  login 403   403   403   403   403   no    no    no
wagtailusers_users:copy                GET  login 403   403   403   403   403   no    no    no
wagtaildocs_serve                      GET  200   200   200   200   200   200   200   200   200
wagtaildocs_authenticate_with_password GET  404   404   404   404   404   404   404   404   404
meetings_feed                          GET  200   200   200   200   200   200   200   200   200
wagtailcore_authenticate_with_password GET  404   404   404   404   404   404   404   404   404
wagtailcore_login                      GET  200   200   200   200   200   200   200   200   200
wagtail_serve                          GET  200   200   200   200   200   200   200   200   200
"""


def _parse(text):
    matrix = {}
    for line in text.strip().splitlines():
        if line.startswith("#"):
            continue
        name, method, *codes = line.split()
        assert len(codes) == len(ROLES), f"{name}: {len(codes)} outcomes for {len(ROLES)} roles"
        matrix[name] = (method, dict(zip(ROLES, codes, strict=True)))
    return matrix


MATRIX = _parse(MATRIX_TEXT)
