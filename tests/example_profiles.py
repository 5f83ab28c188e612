"""The CRS profile example from the CRS issue, shared by the profile and CLI tests."""

ISSUE_EXAMPLE = {
    "age": 29, "education": "bachelors", "canadian_education": "none",
    "first_language": {"test": "ielts", "listening": 8.0, "reading": 7.0, "writing": 7.0, "speaking": 7.0},
    "second_language": {"test": "tef", "listening": 400, "reading": 400, "writing": 400, "speaking": 400},
    "canadian_work_years": 1, "foreign_work_years": 3, "certificate_of_qualification": False,
    "sibling_in_canada": False, "provincial_nomination": False, "job_offer": "none",
    "spouse": {"education": "masters",
               "language": {"test": "clb", "listening": 7, "reading": 7, "writing": 7, "speaking": 7},
               "canadian_work_years": 0},
}
