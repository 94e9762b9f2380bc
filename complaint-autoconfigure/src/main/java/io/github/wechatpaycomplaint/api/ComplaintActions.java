package io.github.wechatpaycomplaint.api;

import java.util.Objects;

import io.github.wechatpaycomplaint.model.request.ComplaintCompletion;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.model.request.ImmediateServiceReply;
import io.github.wechatpaycomplaint.model.request.RefundDecision;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The calls that act on one complaint: reply, immediate-service reply, complete and refund approval.
 */
final class ComplaintActions {

	private final RestClient restClient;

	private final ComplaintApiPaths paths;

	ComplaintActions(RestClient restClient, ComplaintApiPaths paths) {
		this.restClient = restClient;
		this.paths = paths;
	}

	void reply(String complaintId, ComplaintReply reply) {
		Objects.requireNonNull(reply, "reply");
		if (reply.miniProgramJumpInfo() != null) {
			this.paths.requireMainland("mini_program_jump_info in a reply");
		}
		post(complaintId, "response", reply);
	}

	String replyImmediateService(String complaintId, ImmediateServiceReply reply) {
		Objects.requireNonNull(reply, "reply");
		this.paths.requireMainland("response-immediate-service");
		ImmediateServiceAnswer answer = this.restClient.post()
			.uri(this.paths.complaintAction(complaintId, "response-immediate-service"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(reply)
			.retrieve()
			.body(ImmediateServiceAnswer.class);
		return ComplaintQueries.required(answer, "response-immediate-service").logId();
	}

	void complete(String complaintId, ComplaintCompletion completion) {
		post(complaintId, "complete", Objects.requireNonNull(completion, "completion"));
	}

	void updateRefundProgress(String complaintId, RefundDecision decision) {
		Objects.requireNonNull(decision, "decision");
		this.paths.requireMainland("update-refund-progress");
		post(complaintId, "update-refund-progress", decision);
	}

	private void post(String complaintId, String action, Object body) {
		this.restClient.post()
			.uri(this.paths.complaintAction(complaintId, action))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
	}

}
