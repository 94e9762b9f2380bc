package io.github.wechatpaycomplaint.api;

import java.util.Objects;

import io.github.wechatpaycomplaint.client.WechatPayOperation;
import io.github.wechatpaycomplaint.model.request.ComplaintCompletion;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.model.request.ImmediateServiceReply;
import io.github.wechatpaycomplaint.model.request.RefundDecision;

import org.springframework.http.MediaType;

/**
 * The calls that act on one complaint: reply, immediate-service reply, complete and
 * refund approval.
 */
final class ComplaintActions {

	private final ComplaintCalls calls;

	ComplaintActions(ComplaintCalls calls) {
		this.calls = calls;
	}

	void reply(String complaintId, ComplaintReply reply) {
		Objects.requireNonNull(reply, "reply");
		if (reply.miniProgramJumpInfo() != null) {
			this.calls.requireMainland("mini_program_jump_info in a reply");
		}
		post(WechatPayOperation.REPLY, complaintId, reply);
	}

	String replyImmediateService(String complaintId, ImmediateServiceReply reply) {
		Objects.requireNonNull(reply, "reply");
		ImmediateServiceAnswer answer = this.calls.onComplaint(WechatPayOperation.IMMEDIATE_REPLY, complaintId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(reply)
			.retrieve()
			.body(ImmediateServiceAnswer.class);
		return ComplaintQueries.required(answer, "response-immediate-service").logId();
	}

	void complete(String complaintId, ComplaintCompletion completion) {
		post(WechatPayOperation.COMPLETE, complaintId, Objects.requireNonNull(completion, "completion"));
	}

	void updateRefundProgress(String complaintId, RefundDecision decision) {
		Objects.requireNonNull(decision, "decision");
		post(WechatPayOperation.REFUND_PROGRESS, complaintId, decision);
	}

	private void post(WechatPayOperation operation, String complaintId, Object body) {
		this.calls.onComplaint(operation, complaintId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
	}

}
