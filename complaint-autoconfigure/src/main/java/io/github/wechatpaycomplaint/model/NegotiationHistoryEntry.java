package io.github.wechatpaycomplaint.model;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.wechatpaycomplaint.model.message.NormalMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One record of a complaint's negotiation history ({@code negotiation-historys}).
 *
 * <p>
 * {@code complaint_media_list} is an object today and was an array before March 2023:
 * both shapes are read into a list.
 *
 * @param logId id of the record, e.g. {@code 300285320210322170000071077}
 * @param operator display name of who acted (投诉人, 商户, 系统, 客服…)
 * @param operateTime when it happened
 * @param rawOperateType {@code operate_type} as WeChat Pay wrote it, see
 * {@link #operateType()}
 * @param operateDetails text of the record
 * @param imageList temporary image URLs (valid one hour), merchant and staff images only
 * @param complaintMediaList images attached to the record
 * @param userApplyPlatformServiceReason why the user asked for platform assistance (on
 * the wire WeChat Pay's spelling {@code user_appy_platform_service_reason})
 * @param userApplyPlatformServiceReasonDescription description of that reason (on the
 * wire {@code user_appy_platform_service_reason_description})
 * @param normalMessage a rich message
 * @param clickMessage a rich-message action the user clicked
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NegotiationHistoryEntry(String logId, @Nullable String operator,
		@JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime operateTime,
		@JsonProperty("operate_type") String rawOperateType, @Nullable String operateDetails, List<String> imageList,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<ComplaintMedia> complaintMediaList,
		@JsonProperty("user_appy_platform_service_reason") @Nullable String userApplyPlatformServiceReason,
		@JsonProperty("user_appy_platform_service_reason_description") @Nullable String userApplyPlatformServiceReasonDescription,
		@Nullable NormalMessage normalMessage, @Nullable ClickMessage clickMessage) {

	public NegotiationHistoryEntry {
		imageList = (imageList != null) ? List.copyOf(imageList) : List.of();
		complaintMediaList = (complaintMediaList != null) ? List.copyOf(complaintMediaList) : List.of();
	}

	/**
	 * Kind of record.
	 * @return the kind, {@link OperateType#UNKNOWN} for one this version does not know
	 */
	@JsonIgnore
	public OperateType operateType() {
		return OperateType.from(this.rawOperateType);
	}

	// The record's text, the user's reasons, messages and image links may be the user's
	// own words or pictures.
	@Override
	public String toString() {
		return "NegotiationHistoryEntry[logId=" + this.logId + ", operator=" + this.operator + ", operateTime="
				+ this.operateTime + ", operateType=" + this.rawOperateType + ", operateDetails="
				+ Redaction.of(this.operateDetails) + ", imageList=" + this.imageList.size()
				+ " item(s), complaintMediaList=" + this.complaintMediaList.size()
				+ " item(s), userApplyPlatformServiceReason=" + Redaction.of(this.userApplyPlatformServiceReason)
				+ ", userApplyPlatformServiceReasonDescription="
				+ Redaction.of(this.userApplyPlatformServiceReasonDescription) + ", normalMessage="
				+ Redaction.of(this.normalMessage) + ", clickMessage=" + this.clickMessage + "]";
	}
}
