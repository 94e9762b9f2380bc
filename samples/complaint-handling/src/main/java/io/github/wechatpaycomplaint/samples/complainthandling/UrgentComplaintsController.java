package io.github.wechatpaycomplaint.samples.complainthandling;

import java.util.List;

import io.github.wechatpaycomplaint.deadline.ComplaintDeadlineStatus;
import io.github.wechatpaycomplaint.deadline.ComplaintDeadlines;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /complaints/urgent}: the open complaints of every merchant, nearest deadline
 * first, as {@link ComplaintDeadlines#urgent(int)} lists them (ids, deadlines and whether
 * overdue; no complaint text). An operations page for the people on duty: protect it as
 * any internal endpoint in a real application.
 */
@RestController
public class UrgentComplaintsController {

	private static final int MAX_LIMIT = 100;

	private final ComplaintDeadlines deadlines;

	public UrgentComplaintsController(ComplaintDeadlines deadlines) {
		this.deadlines = deadlines;
	}

	@GetMapping("/complaints/urgent")
	public List<ComplaintDeadlineStatus> urgent(@RequestParam(defaultValue = "20") int limit) {
		return this.deadlines.urgent(Math.max(0, Math.min(limit, MAX_LIMIT)));
	}

}
