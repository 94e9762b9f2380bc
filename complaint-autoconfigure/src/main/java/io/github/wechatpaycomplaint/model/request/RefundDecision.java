package io.github.wechatpaycomplaint.model.request;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.wechatpaycomplaint.model.Redaction;
import io.github.wechatpaycomplaint.model.RefundAction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of the refund approval ({@code update-refund-progress}, mainland only): approve a
 * user's refund request, or reject it with a reason. Approving does not refund: call
 * WeChat Pay's refund API afterwards.
 *
 * @param action {@code APPROVE} or {@code REJECT}
 * @param launchRefundDay with {@code APPROVE}: working days until the refund starts, 0
 * for today
 * @param rejectReason with {@code REJECT}: the reason, up to 200 characters
 * @param rejectMediaList with {@code REJECT}: up to 4 {@code media_id}s from the image
 * upload
 * @param remark a note for WeChat Pay staff, up to 200 characters
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RefundDecision(RefundAction action, @Nullable Integer launchRefundDay, @Nullable String rejectReason,
		List<String> rejectMediaList, @Nullable String remark) {

	/** Longest reject reason and remark. */
	public static final int MAX_TEXT_LENGTH = 200;

	/** Most images per rejection. */
	public static final int MAX_IMAGES = 4;

	public RefundDecision {
		if (RefundAction.APPROVE.equals(action)) {
			if (launchRefundDay != null) {
				RequestChecks.range(launchRefundDay, "launch_refund_day", 0, Integer.MAX_VALUE);
			}
			if (rejectReason != null || (rejectMediaList != null && !rejectMediaList.isEmpty())) {
				throw new InvalidComplaintRequestException(
						(rejectReason != null) ? "reject_reason" : "reject_media_list",
						"is only allowed with action REJECT");
			}
		}
		else if (RefundAction.REJECT.equals(action)) {
			if (launchRefundDay != null) {
				throw new InvalidComplaintRequestException("launch_refund_day", "is only allowed with action APPROVE");
			}
			RequestChecks.optionalText(rejectReason, "reject_reason", MAX_TEXT_LENGTH);
		}
		else {
			throw new InvalidComplaintRequestException("action", "must be APPROVE or REJECT (was " + action + ")");
		}
		rejectMediaList = RequestChecks.mediaIds(rejectMediaList, "reject_media_list", MAX_IMAGES);
		RequestChecks.optionalText(remark, "remark", MAX_TEXT_LENGTH);
	}

	/**
	 * Approves the refund.
	 * @param launchRefundDay working days until the refund starts (0 for today), or
	 * {@code null} to leave it out
	 * @return the decision
	 */
	public static RefundDecision approve(@Nullable Integer launchRefundDay) {
		return new RefundDecision(RefundAction.APPROVE, launchRefundDay, null, List.of(), null);
	}

	/**
	 * Rejects the refund; WeChat Pay then completes the complaint.
	 * @param rejectReason the reason, up to 200 characters
	 * @param rejectMediaIds up to 4 {@code media_id}s supporting the rejection
	 * @return the decision
	 */
	public static RefundDecision reject(String rejectReason, String... rejectMediaIds) {
		return new RefundDecision(RefundAction.REJECT, null, rejectReason, List.of(rejectMediaIds), null);
	}

	/**
	 * A copy with a note for WeChat Pay staff.
	 * @param remark the note, up to 200 characters
	 * @return the copy
	 */
	public RefundDecision withRemark(String remark) {
		return new RefundDecision(this.action, this.launchRefundDay, this.rejectReason, this.rejectMediaList, remark);
	}

	// The reason and the remark may quote the user.
	@Override
	public String toString() {
		return "RefundDecision[action=" + this.action + ", launchRefundDay=" + this.launchRefundDay + ", rejectReason="
				+ Redaction.of(this.rejectReason) + ", rejectMediaList=" + this.rejectMediaList + ", remark="
				+ Redaction.of(this.remark) + "]";
	}
}
