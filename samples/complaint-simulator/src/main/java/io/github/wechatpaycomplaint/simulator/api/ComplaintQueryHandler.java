package io.github.wechatpaycomplaint.simulator.api;

import java.util.List;

import io.github.wechatpaycomplaint.simulator.http.ApiAnswer;
import io.github.wechatpaycomplaint.simulator.http.ApiRequest;
import io.github.wechatpaycomplaint.simulator.http.WechatPayError;
import io.github.wechatpaycomplaint.simulator.state.Complaint;
import io.github.wechatpaycomplaint.simulator.state.ComplaintStore;
import io.github.wechatpaycomplaint.simulator.state.HistoryEntry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read APIs: complaint list ({@code complaints-v2}, Hong Kong {@code complaints}),
 * complaint detail and negotiation history, paged from the store.
 *
 * @since 0.1.0
 */
final class ComplaintQueryHandler {

	private final ComplaintStore store;

	private final ComplaintRules rules;

	private final ComplaintJson json;

	private final JsonMapper jsonMapper;

	private final int maxAnswerItems;

	ComplaintQueryHandler(ComplaintStore store, ComplaintRules rules, ComplaintJson json, JsonMapper jsonMapper,
			int maxAnswerItems) {
		this.store = store;
		this.rules = rules;
		this.json = json;
		this.jsonMapper = jsonMapper;
		this.maxAnswerItems = maxAnswerItems;
	}

	ApiAnswer list(ApiRequest request) {
		ComplaintRules.ListQuery query = this.rules.listQuery(request);
		List<Complaint> complaints = this.store.list(query.begin(), query.end(), query.complaintedMchid());
		ObjectNode page = page(query.page(), complaints.size());
		ArrayNode data = page.putArray("data");
		slice(complaints, query.page(), this.maxAnswerItems)
			.forEach((complaint) -> data.add(this.json.complaint(complaint, request.global(), false)));
		return ApiAnswer.json(200, this.jsonMapper.writeValueAsBytes(page));
	}

	ApiAnswer detail(ApiRequest request) {
		Complaint complaint = this.rules.complaint(request);
		this.rules.language(request);
		return ApiAnswer.json(200,
				this.jsonMapper.writeValueAsBytes(this.json.complaint(complaint, request.global(), true)));
	}

	ApiAnswer history(ApiRequest request) {
		Complaint complaint = this.rules.complaint(request);
		ComplaintRules.Page paging = this.rules.historyPage(request);
		List<HistoryEntry> history = complaint.getHistory();
		ObjectNode page = page(paging, history.size());
		ArrayNode data = page.putArray("data");
		slice(history, paging, this.maxAnswerItems)
			.forEach((entry) -> data.add(this.json.history(complaint, entry, request.global())));
		return ApiAnswer.json(200, this.jsonMapper.writeValueAsBytes(page));
	}

	private ObjectNode page(ComplaintRules.Page paging, int total) {
		ObjectNode page = this.jsonMapper.createObjectNode();
		page.put("limit", paging.limit());
		page.put("offset", paging.offset());
		if (paging.offset() == 0) {
			page.put("total_count", total);
		}
		return page;
	}

	private static <T> List<T> slice(List<T> items, ComplaintRules.Page page, int maxAnswerItems) {
		int from = Math.min(page.offset(), items.size());
		int to = Math.min(from + page.limit(), items.size());
		if (maxAnswerItems > 0 && to - from > maxAnswerItems) {
			// WeChat Pay's answer when a page's data volume is too large; its advice is a
			// smaller limit.
			throw WechatPayError.answerTooLarge(page.limit());
		}
		return items.subList(from, to);
	}

}
