# `make bench`: the release app against a SurveyJS peer in headless Chromium (not part of the
# test command; see docs/performance.md).
.PHONY: bench
bench:
	scripts/bench.sh
