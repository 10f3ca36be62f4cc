REVIEW_RULES = "Point out bugs first, then risky changes, then style. Quote the line you mean."
