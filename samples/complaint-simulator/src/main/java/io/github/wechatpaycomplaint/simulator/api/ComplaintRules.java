package io.github.wechatpaycomplaint.simulator.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.wechatpaycomplaint.simulator.http.ApiRequest;
import io.github.wechatpaycomplaint.simulator.http.WechatPayError;
import io.github.wechatpaycomplaint.simulator.state.Complaint;
import io.github.wechatpaycomplaint.simulator.state.ComplaintStore;
import io.github.wechatpaycomplaint.simulator.state.ImageStore;
import tools.jackson.databind.JsonNode;

/**
 * WeChat Pay's rules for the complaint APIs, each refused with WeChat Pay's error code:
 * page sizes, the 30-day date span, text lengths, image counts, the {@code jump_url}
 * pair, HTTPS notification URLs without query, the accused merchant id, and unknown
 * complaints and media ids.
 *
 * @since 0.1.0
 */
final class ComplaintRules {

	static final int MAX_LIST_LIMIT = 50;

	static final int MAX_HISTORY_LIMIT = 300;

	static final int MAX_RESPONSE_LENGTH = 500;

	static final int MAX_IMAGES = 4;

	static final long MAX_DATE_SPAN_DAYS = 30;

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Set<String> LANGUAGES = Set.of("ZH_CN", "ZH_TW", "ZH_HK", "EN", "JA", "KO", "TH", "VI", "RU",
			"DE", "FR", "AR", "ES");

	private final ComplaintStore store;

	private final ImageStore images;

	private final String merchantId;

	ComplaintRules(ComplaintStore store, ImageStore images, String merchantId) {
		this.store = store;
		this.images = images;
		this.merchantId = merchantId;
	}

	/** A page of a list. */
	record Page(int limit, int offset) {
	}

	/** The query of the complaint list. */
	record ListQuery(Page page, LocalDate begin, LocalDate end, String complaintedMchid) {
	}

	Complaint complaint(ApiRequest request) {
		String id = request.pathVariable("complaintId");
		return this.store.find(id)
			.orElseThrow(
					() -> WechatPayError.resourceNotExists(404, "投诉单不存在 (no complaint " + id + " for this merchant)"));
	}

	ListQuery listQuery(ApiRequest request) {
		Page page = page(request, 10, MAX_LIST_LIMIT);
		LocalDate begin = date(request, "begin_date");
		LocalDate end = date(request, "end_date");
		if (end.isBefore(begin)) {
			throw WechatPayError.paramError("query", "end_date", request.query("end_date"),
					"结束日期不能早于开始日期 (end_date is before begin_date)");
		}
		if (ChronoUnit.DAYS.between(begin, end) > MAX_DATE_SPAN_DAYS) {
			throw WechatPayError.paramError("query", "end_date", request.query("end_date"),
					"查询日期跨度不能超过30天 (begin_date to end_date must not span more than 30 days)");
		}
		language(request);
		return new ListQuery(page, begin, end, request.query("complainted_mchid"));
	}

	Page historyPage(ApiRequest request) {
		Page page = page(request, 100, MAX_HISTORY_LIMIT);
		language(request);
		return page;
	}

	void complaintedMchid(JsonNode body) {
		String mchid = requiredText(body, "complainted_mchid", 64);
		if (!mchid.equals(this.merchantId)) {
			throw WechatPayError.paramError("body", "complainted_mchid", mchid,
					"被诉商户号与投诉单不匹配 (complainted_mchid is not the accused merchant)");
		}
	}

	String responseContent(JsonNode body) {
		return requiredText(body, "response_content", MAX_RESPONSE_LENGTH);
	}

	void jumpUrl(JsonNode body) {
		String url = optionalText(body, "jump_url", 512);
		String text = optionalText(body, "jump_url_text", 10);
		if (url != null && text == null) {
			throw WechatPayError.paramError("body", "jump_url_text", null,
					"设置了jump_url时jump_url_text必填 (jump_url_text is required with jump_url)");
		}
		if (url != null && !url.toLowerCase(Locale.ROOT).startsWith("https://")) {
			throw WechatPayError.paramError("body", "jump_url", url, "jump_url必须是https链接 (jump_url must be HTTPS)");
		}
		JsonNode miniProgram = body.path("mini_program_jump_info");
		if (!miniProgram.isMissingNode() && !miniProgram.isNull()) {
			for (String field : List.of("appid", "path", "text")) {
				requiredText(miniProgram, field, 256);
			}
		}
	}

	/**
	 * Media ids of earlier uploads.
	 * @param body the request body
	 * @param field e.g. {@code response_images}
	 * @return the media ids, empty when the field is absent
	 */
	List<String> mediaIds(JsonNode body, String field) {
		JsonNode node = body.path(field);
		List<String> ids = new ArrayList<>();
		if (node.isMissingNode() || node.isNull()) {
			return ids;
		}
		if (!node.isArray()) {
			throw WechatPayError.paramError("body", field, null, field + "必须是数组 (" + field + " must be an array)");
		}
		if (node.size() > MAX_IMAGES) {
			throw WechatPayError.paramError("body", field, node.size(), "图片不能超过4张 (at most " + MAX_IMAGES + " images)");
		}
		for (JsonNode id : node) {
			String mediaId = id.asString("");
			if (this.images.find(mediaId).filter((image) -> image.uploaded()).isEmpty()) {
				throw WechatPayError.paramError("body", field, mediaId,
						"无效的media_id (media id " + mediaId + " was not uploaded)");
			}
			ids.add(mediaId);
		}
		return ids;
	}

	String notificationUrl(JsonNode body) {
		String url = requiredText(body, "url", 255);
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw WechatPayError.paramError("body", "url", url, "通知地址格式错误 (url is not a valid URL)");
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			throw WechatPayError.paramError("body", "url", url, "通知地址必须是https地址 (url must be an https URL)");
		}
		if (uri.getRawQuery() != null) {
			throw WechatPayError.paramError("body", "url", url, "通知地址不能携带参数 (url must not carry a query string)");
		}
		return url;
	}

	String requiredText(JsonNode body, String field, int maxLength) {
		String value = optionalText(body, field, maxLength);
		if (value == null || value.isEmpty()) {
			throw WechatPayError.paramError("body", field, null, field + "为必填参数 (" + field + " is required)");
		}
		return value;
	}

	String optionalText(JsonNode body, String field, int maxLength) {
		JsonNode node = body.path(field);
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw WechatPayError.paramError("body", field, null, field + "必须是字符串 (" + field + " must be a string)");
		}
		String value = node.asString();
		if (value.codePointCount(0, value.length()) > maxLength) {
			throw WechatPayError.paramError("body", field, null,
					field + "长度不能超过" + maxLength + "个字符 (" + field + " is longer than " + maxLength + " characters)");
		}
		return value;
	}

	private Page page(ApiRequest request, int defaultLimit, int maxLimit) {
		int limit = integer(request, "limit", defaultLimit);
		if (limit < 1 || limit > maxLimit) {
			throw WechatPayError.paramError("query", "limit", limit,
					"limit取值范围为[1," + maxLimit + "] (limit must be between 1 and " + maxLimit + ")");
		}
		int offset = integer(request, "offset", 0);
		if (offset < 0) {
			throw WechatPayError.paramError("query", "offset", offset, "offset不能小于0 (offset must not be negative)");
		}
		return new Page(limit, offset);
	}

	private static int integer(ApiRequest request, String name, int defaultValue) {
		String value = request.query(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw WechatPayError.paramError("query", name, value, name + "必须是整数 (" + name + " must be an integer)");
		}
	}

	private static LocalDate date(ApiRequest request, String name) {
		String value = request.query(name);
		if (value == null || value.isEmpty()) {
			throw WechatPayError.paramError("query", name, null, name + "为必填参数 (" + name + " is required)");
		}
		try {
			if (!DATE.matcher(value).matches()) {
				throw new DateTimeParseException("not yyyy-MM-dd", value, 0);
			}
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw WechatPayError.paramError("query", name, value,
					name + "格式应为yyyy-MM-dd (" + name + " must be yyyy-MM-dd)");
		}
	}

	static void language(ApiRequest request) {
		String language = request.query("mch_language");
		if (request.global() && language != null && !LANGUAGES.contains(language)) {
			throw WechatPayError.paramError("query", "mch_language", language,
					"不支持的语言 (mch_language must be one of " + LANGUAGES + ")");
		}
	}

}
