package io.github.wechatpaycomplaint.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.http.ContentTypeHeader;
import io.github.wechatpaycomplaint.client.WechatPayAnswerTooLargeException;
import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.model.ComplaintImage;
import io.github.wechatpaycomplaint.model.request.ImageUpload;
import io.github.wechatpaycomplaint.model.request.InvalidComplaintRequestException;
import io.github.wechatpaycomplaint.testsupport.SignedRequests;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.requestVector;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.signedJson;
import static io.github.wechatpaycomplaint.api.ComplaintApiHarness.withClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Image upload (multipart layout, signature over the meta JSON identical to the official
 * SDK's) and image download (raw percent-encoded path signed as on the wire, unsigned
 * answer accepted, bytes and content type returned).
 */
class WechatPayComplaintClientImageTests {

	private static final JsonNode UPLOAD = Vectors.root().get("image_upload");

	private static final byte[] PNG = Base64.getDecoder().decode(UPLOAD.get("file_base64").asString());

	private static final String MEDIA_PATH = "/v3/merchant-service/images/ChsyMDAwMDAwMjAyNTA2MTIxMDAwNTEyMzQ1Njc4GAAgAQ%3D%3D";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void uploadsAMultipartImageSignedOverTheMetaLikeTheOfficialSdk() {
		wireMock.stubFor(post(urlEqualTo("/v3/merchant-service/images/upload"))
			.willReturn(signedJson("{\"media_id\":\"file752398_7983424\"}")));
		withClient(wireMock, (client) -> assertThat(client.uploadImage(ImageUpload.of("evidence.png", PNG)).mediaId())
			.isEqualTo("file752398_7983424"));
		LoggedRequest request = ComplaintApiHarness.singleRequest(wireMock);
		assertThat(request.getHeader("Content-Type")).matches("multipart/form-data; ?boundary=.+");
		List<LoggedRequest.Part> parts = List.copyOf(request.getParts());
		assertThat(parts).extracting(LoggedRequest.Part::getName).containsExactly("meta", "file");
		LoggedRequest.Part meta = parts.get(0);
		assertThat(meta.getHeader(ContentTypeHeader.KEY).firstValue()).startsWith("application/json");
		String metaJson = new String(meta.getBody().asBytes(), StandardCharsets.UTF_8);
		assertThat(metaJson).isEqualTo(UPLOAD.get("meta").asString());
		LoggedRequest.Part file = parts.get(1);
		assertThat(file.getHeader(ContentTypeHeader.KEY).firstValue()).isEqualTo("image/png");
		assertThat(file.getHeader("Content-Disposition").firstValue()).contains("name=\"file\"")
			.contains("filename=\"evidence.png\"");
		assertThat(file.getBody().asBytes()).isEqualTo(PNG);
		assertThat(SignedRequests.assertSignedByMerchant(request, metaJson.getBytes(StandardCharsets.UTF_8)))
			.containsEntry("signature", UPLOAD.get("signature").asString());
	}

	@Test
	void downloadsAnImageSigningThePercentEncodedPathAsOnTheWire() {
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3 };
		// Unsigned, like WeChat Pay's real answer: no Wechatpay-* headers at all.
		wireMock.stubFor(get(urlEqualTo(MEDIA_PATH))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
		withClient(wireMock, (client) -> {
			ComplaintImage image = client.downloadImage("https://api.mch.weixin.qq.com" + MEDIA_PATH);
			assertThat(image.content()).isEqualTo(jpeg);
			assertThat(image.contentType()).isEqualTo("image/jpeg");
		});
		LoggedRequest request = ComplaintApiHarness.singleRequest(wireMock);
		assertThat(request.getUrl()).isEqualTo(requestVector(4).get("canonical_url").asString());
		assertThat(request.getHeader("Accept")).isEqualTo("application/json");
		assertThat(request.getHeader("Authorization")).isEqualTo(requestVector(4).get("authorization").asString());
		SignedRequests.assertSignedByMerchant(request);
	}

	@Test
	void refusesAUrlThatIsNotAComplaintImageBeforeAnyCall() {
		withClient(wireMock, (client) -> {
			assertThatExceptionOfType(InvalidComplaintRequestException.class)
				.isThrownBy(
						() -> client.downloadImage("https://api.mch.weixin.qq.com/v3/merchant-service/complaints-v2"))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("media_url"));
			assertThatExceptionOfType(InvalidComplaintRequestException.class)
				.isThrownBy(
						() -> client.downloadImage("https://api.mch.weixin.qq.com/v3/merchant-service/images/upload"))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("media_url"));
			assertThatExceptionOfType(InvalidComplaintRequestException.class)
				.isThrownBy(() -> client.downloadImage("not a url"))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("media_url"));
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://api.mch.weixin.qq.com/v3/merchant-service/images/..",
			"https://api.mch.weixin.qq.com/v3/merchant-service/images/.",
			"https://api.mch.weixin.qq.com/v3/merchant-service/images/%2E%2E",
			"https://api.mch.weixin.qq.com/v3/merchant-service/images/%2e",
			"https://api.mch.weixin.qq.com/v3/merchant-service/images/a%2F..",
			"https://api.mch.weixin.qq.com/v3/global/merchant-service/images/..?complaint_id=2002018",
			"https://api.mch.weixin.qq.com/v3/merchant-service/images/ChsyMDAw%3D%3D#fragment",
			"https://api.mch.weixin.qq.com/v3/merchant-service/images/ChsyMDAw#",
			"https://api.mch.weixin.qq.com/v3/merchant-service/images/abc!",
			"https://api.mch.weixin.qq.com/v3/merchant-service/images/abc;x=1",
			"https://api.mch.weixin.qq.com/v3/merchant-service/images/%E4%B8%AD" })
	void refusesAMediaUrlThatIsNotAWechatPayImageBeforeAnyCall(String mediaUrl) {
		withClient(wireMock,
				(client) -> assertThatExceptionOfType(InvalidComplaintRequestException.class)
					.isThrownBy(() -> client.downloadImage(mediaUrl, "2002018"))
					.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("media_url")));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void refusesAMediaIdLongerThanWechatPayIssues() {
		String mediaUrl = "https://api.mch.weixin.qq.com/v3/merchant-service/images/" + "A".repeat(513);
		withClient(wireMock,
				(client) -> assertThatExceptionOfType(InvalidComplaintRequestException.class)
					.isThrownBy(() -> client.downloadImage(mediaUrl))
					.withMessageContaining("512"));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ChsyMDAwMDAwMjAyNTA2MTIxMDAwNTEyMzQ1Njc4GAAgAQ%3D%3D", "U0lNMjAwMDAwMC0x",
			"file752398_7983424", "a-b_c.d+e%3Df=" })
	void downloadsEveryMediaIdShapeWechatPayUses(String mediaId) {
		String path = "/v3/merchant-service/images/" + mediaId;
		wireMock.stubFor(get(urlEqualTo(path))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(PNG)));
		withClient(wireMock,
				(client) -> assertThat(client.downloadImage("https://api.mch.weixin.qq.com" + path).content())
					.isEqualTo(PNG));
		assertThat(ComplaintApiHarness.singleRequest(wireMock).getUrl()).isEqualTo(path);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "spring.http.clients.redirects=follow-when-possible", "spring.http.clients.redirects=follow" })
	void refusesARedirectedImageDownloadWithoutFollowingIt(String property) {
		try (WechatPayStandIn elsewhere = new WechatPayStandIn()) {
			elsewhere.stub(any(anyUrl())
				.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(PNG)));
			wireMock.stubFor(get(urlEqualTo(MEDIA_PATH)).willReturn(aResponse().withStatus(302)
				.withHeader("Location", "http://127.0.0.1:" + elsewhere.server().port() + "/stolen" + MEDIA_PATH)));
			ComplaintApiHarness.runner(wireMock, property)
				.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
						ImperativeHttpClientAutoConfiguration.class))
				.run((context) -> {
					WechatPayComplaintClient client = context.getBean(WechatPayComplaintClient.class);
					assertThatExceptionOfType(WechatPayApiException.class)
						.isThrownBy(() -> client.downloadImage("https://api.mch.weixin.qq.com" + MEDIA_PATH))
						.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(302))
						.withMessageContaining("host 127.0.0.1")
						.withMessageNotContaining("stolen");
				});
			assertThat(elsewhere.requests()).isEmpty();
		}
	}

	@Test
	void refusesAnImageWhoseContentLengthIsAboveTheCap() {
		byte[] large = new byte[WechatPayAnswerTooLargeException.MAX_IMAGE_BYTES + 1];
		wireMock.stubFor(get(urlEqualTo(MEDIA_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/png")
			.withHeader("Content-Length", String.valueOf(large.length))
			.withBody(large)));
		withClient(wireMock, (client) -> assertThatExceptionOfType(WechatPayAnswerTooLargeException.class)
			.isThrownBy(() -> client.downloadImage("https://api.mch.weixin.qq.com" + MEDIA_PATH))
			.satisfies((ex) -> assertThat(ex.getLimit()).isEqualTo(WechatPayAnswerTooLargeException.MAX_IMAGE_BYTES))
			.withMessageContaining("GET /v3/merchant-service/images/"));
	}

	@Test
	void refusesAnImageStreamedPastTheCapWithoutContentLength() {
		byte[] large = new byte[WechatPayAnswerTooLargeException.MAX_IMAGE_BYTES + 1];
		wireMock.stubFor(get(urlEqualTo(MEDIA_PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/png")
			.withBody(large)
			.withChunkedDribbleDelay(4, 20)));
		withClient(wireMock,
				(client) -> assertThatExceptionOfType(WechatPayAnswerTooLargeException.class)
					.isThrownBy(() -> client.downloadImage("https://api.mch.weixin.qq.com" + MEDIA_PATH))
					.withMessageNotContaining("Content-Length"));
	}

	@Test
	void downloadsAnImageOfExactlyTheCap() {
		byte[] largest = new byte[WechatPayAnswerTooLargeException.MAX_IMAGE_BYTES];
		wireMock.stubFor(get(urlEqualTo(MEDIA_PATH))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(largest)));
		withClient(wireMock,
				(client) -> assertThat(client.downloadImage("https://api.mch.weixin.qq.com" + MEDIA_PATH).content())
					.hasSize(largest.length));
	}

	@Test
	void refusesAnUploadThatIsNotAnImageBeforeAnyCall() {
		withClient(wireMock, (client) -> assertThatExceptionOfType(InvalidComplaintRequestException.class).isThrownBy(
				() -> client.uploadImage(ImageUpload.of("evidence.png", "GIF89a".getBytes(StandardCharsets.US_ASCII))))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("file")));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

}
