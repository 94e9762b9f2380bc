package io.github.wechatpaycomplaint.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.github.wechatpaycomplaint.model.request.ComplaintListQuery;
import io.github.wechatpaycomplaint.model.request.InvalidComplaintRequestException;

/**
 * Splits any date range into the consecutive windows of at most
 * {@link ComplaintListQuery#MAX_DAYS} days (both ends included) that one complaint list
 * call may cover.
 */
final class DateWindows {

	private DateWindows() {
	}

	static List<Window> split(LocalDate beginDate, LocalDate endDate) {
		if (beginDate == null || endDate == null) {
			throw new InvalidComplaintRequestException((beginDate == null) ? "begin_date" : "end_date", "is required");
		}
		if (endDate.isBefore(beginDate)) {
			throw new InvalidComplaintRequestException("end_date",
					"must not be before begin_date (" + beginDate + " to " + endDate + ")");
		}
		List<Window> windows = new ArrayList<>();
		LocalDate start = beginDate;
		while (!start.isAfter(endDate)) {
			LocalDate last = start.plusDays(ComplaintListQuery.MAX_DAYS - 1);
			LocalDate end = last.isAfter(endDate) ? endDate : last;
			windows.add(new Window(start, end));
			start = end.plusDays(1);
		}
		return windows;
	}

	/**
	 * One window, both days included.
	 *
	 * @param beginDate first day
	 * @param endDate last day
	 */
	record Window(LocalDate beginDate, LocalDate endDate) {

	}

}
