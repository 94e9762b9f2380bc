package io.github.wechatpaycomplaint.api;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.MchLanguage;
import io.github.wechatpaycomplaint.model.NegotiationHistoryEntry;
import io.github.wechatpaycomplaint.model.request.ComplaintListQuery;
import io.github.wechatpaycomplaint.model.request.NegotiationHistoryQuery;
import io.github.wechatpaycomplaint.model.request.RequestChecks;
import org.jspecify.annotations.Nullable;

/**
 * Lazy streams over every complaint of a date range (windows of 30 days, pages of 50) and
 * over a complaint's whole negotiation history (pages of 300).
 */
final class ComplaintStreams {

	private final ComplaintQueries queries;

	ComplaintStreams(ComplaintQueries queries) {
		this.queries = queries;
	}

	Stream<Complaint> complaints(LocalDate beginDate, LocalDate endDate, UnaryOperator<ComplaintListQuery> filter) {
		List<DateWindows.Window> windows = DateWindows.split(beginDate, endDate);
		// Checks the filter once, before anything is fetched.
		filter.apply(ComplaintListQuery.between(beginDate, windows.get(0).endDate()));
		return windows.stream()
			.flatMap((window) -> PageIterator.stream((offset, limit) -> this.queries.list(
					filter.apply(ComplaintListQuery.between(window.beginDate(), window.endDate())).page(limit, offset)),
					ComplaintListQuery.MAX_LIMIT));
	}

	Stream<NegotiationHistoryEntry> negotiationHistory(String complaintId, @Nullable MchLanguage language) {
		RequestChecks.complaintId(complaintId);
		return PageIterator.stream((offset, limit) -> {
			NegotiationHistoryQuery query = NegotiationHistoryQuery.page(limit, offset);
			return this.queries.negotiationHistory(complaintId,
					(language != null) ? query.mchLanguage(language) : query);
		}, NegotiationHistoryQuery.MAX_LIMIT);
	}

}
