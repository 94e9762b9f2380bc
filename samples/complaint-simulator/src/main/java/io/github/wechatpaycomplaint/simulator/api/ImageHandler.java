package io.github.wechatpaycomplaint.simulator.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.github.wechatpaycomplaint.simulator.http.ApiAnswer;
import io.github.wechatpaycomplaint.simulator.http.ApiRequest;
import io.github.wechatpaycomplaint.simulator.http.MultipartForm;
import io.github.wechatpaycomplaint.simulator.http.WechatPayError;
import io.github.wechatpaycomplaint.simulator.state.ImageStore;
import io.github.wechatpaycomplaint.simulator.state.StoredImage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image APIs: upload ({@code meta} JSON, whose text the signature covered, plus
 * {@code file}: JPG, PNG or BMP up to 2 MB whose SHA-256 matches {@code meta.sha256}) and
 * download of complaint images (unsigned bytes; Hong Kong requires {@code complaint_id}).
 *
 * @since 0.1.0
 */
final class ImageHandler {

	static final int MAX_BYTES = 2 * 1024 * 1024;

	private final ImageStore images;

	private final ComplaintRules rules;

	private final JsonMapper jsonMapper;

	ImageHandler(ImageStore images, ComplaintRules rules, JsonMapper jsonMapper) {
		this.images = images;
		this.rules = rules;
		this.jsonMapper = jsonMapper;
	}

	ApiAnswer upload(ApiRequest request) {
		MultipartForm form = request.form();
		MultipartForm.Part metaPart = form.part("meta");
		if (metaPart == null) {
			throw WechatPayError.paramError("body", "meta", null, "缺少meta (the meta part is missing)");
		}
		JsonNode meta = meta(metaPart.bytes());
		String filename = this.rules.requiredText(meta, "filename", 128);
		String sha256 = this.rules.requiredText(meta, "sha256", 256);
		String extension = filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		if (!extension.matches("jpg|jpeg|png|bmp")) {
			throw WechatPayError.paramError("body", "filename", filename,
					"图片格式仅支持JPG、BMP、PNG (only JPG, BMP and PNG files can be uploaded)");
		}
		MultipartForm.Part file = form.part("file");
		if (file == null || file.bytes().length == 0) {
			throw WechatPayError.paramError("body", "file", null, "缺少file (the file part is missing)");
		}
		if (file.bytes().length > MAX_BYTES) {
			throw WechatPayError.paramError("body", "file", file.bytes().length,
					"图片大小不能超过2M (the image is larger than 2 MB)");
		}
		String contentType = imageType(file.bytes());
		if (contentType == null) {
			throw WechatPayError.paramError("body", "file", filename,
					"图片格式仅支持JPG、BMP、PNG (the file is not a JPG, BMP or PNG image)");
		}
		if (!sha256(file.bytes()).equalsIgnoreCase(sha256)) {
			throw WechatPayError.paramError("body", "sha256", sha256,
					"图片sha256值与文件不一致 (meta.sha256 does not match the file)");
		}
		StoredImage image = this.images.store(contentType, file.bytes(), null);
		return ApiAnswer.json(200,
				this.jsonMapper.writeValueAsBytes(this.jsonMapper.createObjectNode().put("media_id", image.mediaId())));
	}

	ApiAnswer download(ApiRequest request) {
		String complaintId = request.query("complaint_id");
		if (request.global() && (complaintId == null || complaintId.isEmpty())) {
			throw WechatPayError.paramError("query", "complaint_id", null,
					"complaint_id为必填参数 (complaint_id is required on the Hong Kong path)");
		}
		String mediaId = request.pathVariable("mediaId");
		StoredImage image = this.images.find(mediaId)
			.filter((candidate) -> !candidate.uploaded())
			.filter((candidate) -> complaintId == null || complaintId.equals(candidate.complaintId()))
			.orElseThrow(() -> WechatPayError.resourceNotExists(404, "图片不存在 (no complaint image " + mediaId + ")"));
		return ApiAnswer.unsignedBytes(image.contentType(), image.bytes());
	}

	private JsonNode meta(byte[] bytes) {
		try {
			JsonNode meta = this.jsonMapper.readTree(bytes);
			if (meta.isObject()) {
				return meta;
			}
		}
		catch (JacksonException ex) {
			// answered below
		}
		throw WechatPayError.paramError("body", "meta", null, "meta不是合法的JSON (meta is not a JSON object)");
	}

	private static String imageType(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
			return "image/png";
		}
		if (bytes.length >= 2 && bytes[0] == 'B' && bytes[1] == 'M') {
			return "image/bmp";
		}
		return null;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
