package io.github.wechatpaycomplaint.model;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A complaint, as the list and the detail APIs return it, mainland and Hong Kong fields
 * together.
 *
 * <p>
 * Every field WeChat Pay may leave out is nullable, so a change on WeChat Pay's side does
 * not break reading. Fields a flavour does not send are {@code null} (or empty lists):
 * Hong Kong answers have no {@code problem_type}, {@code apply_refund_amount},
 * {@code user_tag_list}, {@code additional_info}, {@code in_platform_service} or
 * {@code need_immediate_service}; mainland answers have no {@code priority},
 * {@code is_overdue} or {@code complaint_detail_trans}. {@code payer_openid} comes with
 * the detail only.
 *
 * <p>
 * Fields holding one of WeChat Pay's open enums keep WeChat Pay's text (e.g.
 * {@link #rawComplaintState()}), so writing the complaint back reproduces what arrived;
 * the accessor without {@code raw} (e.g. {@link #complaintState()}) gives the enum
 * constant.
 *
 * @param complaintId complaint id, e.g. {@code 200201820200101080076610000}
 * @param complaintTime when the complaint was filed
 * @param complaintDetail the user's complaint text
 * @param rawComplaintState {@code complaint_state} as WeChat Pay wrote it, see
 * {@link #complaintState()}
 * @param complaintedMchid id of the merchant complained about (WeChat Pay's spelling
 * {@code complainted_mchid})
 * @param payerPhone the complainant's phone, decrypted by the client; {@code toString()}
 * masks it
 * @param payerOpenid the complainant's openid under the merchant's appid (detail only)
 * @param complaintMediaList images attached to the complaint
 * @param complaintOrderInfo the orders complained about
 * @param serviceOrderInfo PayScore service orders complained about
 * @param complaintFullRefunded whether every order has been fully refunded
 * @param incomingUserResponse whether a message from the user awaits an answer
 * @param problemDescription the FAQ title the user chose
 * @param userComplaintTimes 1 for a first complaint, one more each time the user
 * continues it
 * @param rawProblemType {@code problem_type} as WeChat Pay wrote it (mainland), see
 * {@link #problemType()}
 * @param applyRefundAmount refund the user asks for, in fen, when the problem type is
 * {@code REFUND} (mainland)
 * @param rawUserTagList {@code user_tag_list} as WeChat Pay wrote it (mainland), see
 * {@link #userTagList()}
 * @param additionalInfo industry-specific details (mainland)
 * @param inPlatformService whether WeChat Pay staff are currently assisting (mainland)
 * @param needImmediateService whether the complaint needs the immediate-service reply
 * (mainland)
 * @param isAgentMode whether the complaint was raised through an AI agent (not confirmed
 * by an official page)
 * @param complaintDetailTrans the complaint text translated into {@code mch_language}
 * (Hong Kong)
 * @param isOverdue whether handling is overdue (Hong Kong)
 * @param rawPriority {@code priority} as WeChat Pay wrote it (Hong Kong), see
 * {@link #priority()}
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Complaint(String complaintId,
		@JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime complaintTime,
		String complaintDetail, @JsonProperty("complaint_state") String rawComplaintState, String complaintedMchid,
		@Nullable PayerPhone payerPhone, @Nullable String payerOpenid, List<ComplaintMedia> complaintMediaList,
		List<ComplaintOrder> complaintOrderInfo, List<ServiceOrder> serviceOrderInfo,
		@Nullable Boolean complaintFullRefunded, @Nullable Boolean incomingUserResponse,
		@Nullable String problemDescription, @Nullable Integer userComplaintTimes,
		@JsonProperty("problem_type") @Nullable String rawProblemType, @Nullable Long applyRefundAmount,
		@JsonProperty("user_tag_list") List<String> rawUserTagList, @Nullable AdditionalInfo additionalInfo,
		@Nullable Boolean inPlatformService, @Nullable Boolean needImmediateService, @Nullable Boolean isAgentMode,
		@Nullable String complaintDetailTrans, @Nullable Boolean isOverdue,
		@JsonProperty("priority") @Nullable String rawPriority) {

	public Complaint {
		complaintMediaList = (complaintMediaList != null) ? List.copyOf(complaintMediaList) : List.of();
		complaintOrderInfo = (complaintOrderInfo != null) ? List.copyOf(complaintOrderInfo) : List.of();
		serviceOrderInfo = (serviceOrderInfo != null) ? List.copyOf(serviceOrderInfo) : List.of();
		rawUserTagList = (rawUserTagList != null) ? List.copyOf(rawUserTagList) : List.of();
	}

	/**
	 * State of the complaint.
	 * @return the state, {@link ComplaintState#UNKNOWN} for one this version does not
	 * know
	 */
	@JsonIgnore
	public ComplaintState complaintState() {
		return ComplaintState.from(this.rawComplaintState);
	}

	/**
	 * Kind of problem (mainland).
	 * @return the kind, {@link ProblemType#UNKNOWN} for one this version does not know,
	 * {@code null} if not sent
	 */
	@JsonIgnore
	public @Nullable ProblemType problemType() {
		return (this.rawProblemType != null) ? ProblemType.from(this.rawProblemType) : null;
	}

	/**
	 * Tags on the user (mainland).
	 * @return the tags in WeChat Pay's order, {@link UserTag#UNKNOWN} for each one this
	 * version does not know
	 */
	@JsonIgnore
	public List<UserTag> userTagList() {
		return this.rawUserTagList.stream().map(UserTag::from).toList();
	}

	/**
	 * Priority of the complaint (Hong Kong).
	 * @return the priority, {@link ComplaintPriority#UNKNOWN} for one this version does
	 * not know, {@code null} if not sent
	 */
	@JsonIgnore
	public @Nullable ComplaintPriority priority() {
		return (this.rawPriority != null) ? ComplaintPriority.from(this.rawPriority) : null;
	}

	/**
	 * A copy with another payer phone, used by the client to hand the phone back
	 * decrypted.
	 * @param phone the phone
	 * @return the copy
	 */
	public Complaint withPayerPhone(@Nullable PayerPhone phone) {
		return new Complaint(this.complaintId, this.complaintTime, this.complaintDetail, this.rawComplaintState,
				this.complaintedMchid, phone, this.payerOpenid, this.complaintMediaList, this.complaintOrderInfo,
				this.serviceOrderInfo, this.complaintFullRefunded, this.incomingUserResponse, this.problemDescription,
				this.userComplaintTimes, this.rawProblemType, this.applyRefundAmount, this.rawUserTagList,
				this.additionalInfo, this.inPlatformService, this.needImmediateService, this.isAgentMode,
				this.complaintDetailTrans, this.isOverdue, this.rawPriority);
	}

	// Ids, states, amounts and flags only: the complaint text, its translation and the
	// payer's openid are personal
	// data, and the phone masks itself.
	@Override
	public String toString() {
		return "Complaint[complaintId=" + this.complaintId + ", complaintTime=" + this.complaintTime
				+ ", complaintState=" + this.rawComplaintState + ", complaintedMchid=" + this.complaintedMchid
				+ ", complaintDetail=" + Redaction.of(this.complaintDetail) + ", payerPhone=" + this.payerPhone
				+ ", payerOpenid=" + Redaction.of(this.payerOpenid) + ", complaintMediaList="
				+ this.complaintMediaList.size() + " item(s), complaintOrderInfo=" + this.complaintOrderInfo
				+ ", serviceOrderInfo=" + this.serviceOrderInfo + ", complaintFullRefunded="
				+ this.complaintFullRefunded + ", incomingUserResponse=" + this.incomingUserResponse
				+ ", problemDescription=" + this.problemDescription + ", userComplaintTimes=" + this.userComplaintTimes
				+ ", problemType=" + this.rawProblemType + ", applyRefundAmount=" + this.applyRefundAmount
				+ ", userTagList=" + this.rawUserTagList + ", additionalInfo=" + this.additionalInfo
				+ ", inPlatformService=" + this.inPlatformService + ", needImmediateService="
				+ this.needImmediateService + ", isAgentMode=" + this.isAgentMode + ", complaintDetailTrans="
				+ Redaction.of(this.complaintDetailTrans) + ", isOverdue=" + this.isOverdue + ", priority="
				+ this.rawPriority + "]";
	}
}
