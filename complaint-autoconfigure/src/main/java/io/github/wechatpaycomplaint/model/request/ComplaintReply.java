package io.github.wechatpaycomplaint.model.request;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.wechatpaycomplaint.model.MiniProgramJumpInfo;
import io.github.wechatpaycomplaint.model.Redaction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of a reply to the user ({@code response}); the complaint id goes in the path,
 * never in the body.
 *
 * @param complaintedMchid the merchant complained about
 * @param responseContent the reply, 1 to 500 characters
 * @param responseImages up to 4 {@code media_id}s from the image upload
 * @param jumpUrl an HTTPS link shown with the reply (a feature WeChat Pay enables per
 * merchant)
 * @param jumpUrlText caption of the link, 1 to 10 characters; required with
 * {@code jump_url}
 * @param miniProgramJumpInfo a mini program page shown with the reply (mainland only)
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ComplaintReply(String complaintedMchid, String responseContent, List<String> responseImages,
		@Nullable String jumpUrl, @Nullable String jumpUrlText, @Nullable MiniProgramJumpInfo miniProgramJumpInfo) {

	/** Longest reply WeChat Pay accepts. */
	public static final int MAX_CONTENT_LENGTH = 500;

	/** Most images per reply. */
	public static final int MAX_IMAGES = 4;

	/** Longest link caption. */
	public static final int MAX_JUMP_URL_TEXT_LENGTH = 10;

	public ComplaintReply {
		RequestChecks.text(complaintedMchid, "complainted_mchid", 1, RequestChecks.MAX_ID_LENGTH);
		RequestChecks.text(responseContent, "response_content", 1, MAX_CONTENT_LENGTH);
		responseImages = RequestChecks.mediaIds(responseImages, "response_images", MAX_IMAGES);
		if (jumpUrl != null) {
			RequestChecks.httpsUrl(jumpUrl, "jump_url", 512);
			if (jumpUrlText == null) {
				throw new InvalidComplaintRequestException("jump_url_text", "is required when jump_url is set");
			}
			RequestChecks.text(jumpUrlText, "jump_url_text", 1, MAX_JUMP_URL_TEXT_LENGTH);
		}
		else if (jumpUrlText != null) {
			throw new InvalidComplaintRequestException("jump_url_text", "is only allowed together with jump_url");
		}
		if (miniProgramJumpInfo != null) {
			RequestChecks.text(miniProgramJumpInfo.appid(), "mini_program_jump_info.appid", 1, 64);
			RequestChecks.text(miniProgramJumpInfo.path(), "mini_program_jump_info.path", 1, 512);
			RequestChecks.text(miniProgramJumpInfo.text(), "mini_program_jump_info.text", 1, 64);
		}
	}

	/**
	 * Starts a reply.
	 * @param complaintedMchid the merchant complained about
	 * @param responseContent the reply, 1 to 500 characters
	 * @return the builder
	 */
	public static Builder builder(String complaintedMchid, String responseContent) {
		return new Builder(complaintedMchid, responseContent);
	}

	/**
	 * Builds a {@link ComplaintReply}; {@link #build()} checks every rule.
	 */
	public static final class Builder {

		private final String complaintedMchid;

		private final String responseContent;

		private final List<String> responseImages = new ArrayList<>();

		private @Nullable String jumpUrl;

		private @Nullable String jumpUrlText;

		private @Nullable MiniProgramJumpInfo miniProgramJumpInfo;

		private Builder(String complaintedMchid, String responseContent) {
			this.complaintedMchid = complaintedMchid;
			this.responseContent = responseContent;
		}

		/**
		 * Adds images.
		 * @param mediaIds {@code media_id}s from the image upload
		 * @return this builder
		 */
		public Builder responseImages(String... mediaIds) {
			this.responseImages.addAll(List.of(mediaIds));
			return this;
		}

		/**
		 * Adds a link.
		 * @param url the HTTPS URL
		 * @param text its caption, 1 to 10 characters
		 * @return this builder
		 */
		public Builder jumpUrl(String url, String text) {
			this.jumpUrl = url;
			this.jumpUrlText = text;
			return this;
		}

		/**
		 * Adds a mini program page (mainland only).
		 * @param jumpInfo the page
		 * @return this builder
		 */
		public Builder miniProgramJumpInfo(MiniProgramJumpInfo jumpInfo) {
			this.miniProgramJumpInfo = jumpInfo;
			return this;
		}

		/**
		 * Checks the rules and builds the reply.
		 * @return the reply
		 * @throws InvalidComplaintRequestException if a rule is broken
		 */
		public ComplaintReply build() {
			return new ComplaintReply(this.complaintedMchid, this.responseContent, this.responseImages, this.jumpUrl,
					this.jumpUrlText, this.miniProgramJumpInfo);
		}

	}

	// A reply often repeats what the user wrote or how to reach the user: ids and counts
	// only.
	@Override
	public String toString() {
		return "ComplaintReply[complaintedMchid=" + this.complaintedMchid + ", responseContent="
				+ Redaction.of(this.responseContent) + ", responseImages=" + this.responseImages + ", jumpUrl="
				+ this.jumpUrl + ", jumpUrlText=" + this.jumpUrlText + ", miniProgramJumpInfo="
				+ this.miniProgramJumpInfo + "]";
	}
}
