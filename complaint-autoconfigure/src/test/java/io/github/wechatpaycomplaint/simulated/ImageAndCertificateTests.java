package io.github.wechatpaycomplaint.simulated;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.client.WechatPayOperation;
import io.github.wechatpaycomplaint.client.WechatPaySigningInterceptor;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.state.Complaint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static io.github.wechatpaycomplaint.simulated.ComplaintRulesTests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Image upload (signature over the meta JSON, format, size and SHA-256 rules), image
 * download (unsigned bytes), and certificate mode, all through the starter's client.
 */
class ImageAndCertificateTests {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };

	private static WechatPayComplaintSimulator simulator;

	@BeforeAll
	static void start() {
		simulator = WechatPayComplaintSimulator
			.start(SimulatorSettings.defaults().keys(StarterClient.KEYS).initialComplaints(1));
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void anUploadSignedOverItsMetaJsonGetsAMediaIdUsableInAReply() {
		Complaint complaint = simulator.complaints().get(0);
		StarterClient.with(simulator, (client) -> {
			String mediaId = new JsonMapper()
				.readTree(upload(client, "/v3/merchant-service/images/upload", "proof.png", PNG, sha256(PNG)))
				.path("media_id")
				.asString();
			assertThat(mediaId).isNotEmpty();
			ComplaintRulesTests.post(client, "/v3/merchant-service/complaints-v2/" + complaint.getId() + "/response",
					"{\"complainted_mchid\":\"" + simulator.keys().merchantId()
							+ "\",\"response_content\":\"见附图\",\"response_images\":[\"" + mediaId + "\"]}");
		});
		assertThat(complaint.getHistory().get(1).imageList()).hasSize(1);
	}

	@Test
	void anUploadIsCheckedLikeWechatPayDoes() {
		StarterClient.with(simulator, (client) -> {
			assertUploadRefused(() -> upload(client, "/v3/merchant-service/images/upload", "proof.png", PNG,
					sha256("other".getBytes(StandardCharsets.UTF_8))), "sha256");
			byte[] gif = "GIF89a....".getBytes(StandardCharsets.US_ASCII);
			assertUploadRefused(
					() -> upload(client, "/v3/merchant-service/images/upload", "proof.gif", gif, sha256(gif)),
					"filename");
			assertUploadRefused(
					() -> upload(client, "/v3/merchant-service/images/upload", "proof.png", gif, sha256(gif)), "file");
			byte[] large = new byte[2 * 1024 * 1024 + 1];
			System.arraycopy(PNG, 0, large, 0, PNG.length);
			assertUploadRefused(
					() -> upload(client, "/v3/global/merchant-service/images/upload", "big.png", large, sha256(large)),
					"file");
		});
	}

	@Test
	void complaintImagesDownloadAsUnsignedBytesThatTheStarterAccepts() {
		Complaint complaint = simulator.complaints().get(0);
		String mediaId = complaint.getUserImages().get(0);
		StarterClient.with(simulator, (client) -> {
			// Marked as the image download, as the typed client does: only then is an
			// unsigned answer accepted.
			byte[] image = client.get()
				.uri("/v3/merchant-service/images/" + mediaId)
				.attribute(WechatPayOperation.ATTRIBUTE, WechatPayOperation.IMAGE_DOWNLOAD)
				.retrieve()
				.body(byte[].class);
			assertThat(image).startsWith(PNG[0], PNG[1], PNG[2], PNG[3]);
			assertThatExceptionOfType(WechatPayApiException.class)
				.isThrownBy(() -> get(client, "/v3/global/merchant-service/images/" + mediaId))
				.satisfies((ex) -> assertThat(ex.getDetail()).containsEntry("field", "complaint_id"));
			assertThat(client.get()
				.uri("/v3/global/merchant-service/images/" + mediaId + "?complaint_id=" + complaint.getId())
				.attribute(WechatPayOperation.ATTRIBUTE, WechatPayOperation.IMAGE_DOWNLOAD)
				.retrieve()
				.body(byte[].class)).isEqualTo(image);
		});
	}

	@Test
	void certificateModeDownloadsThePlatformCertificateAndVerifiesAnswersWithIt() {
		try (WechatPayComplaintSimulator certificates = WechatPayComplaintSimulator
			.start(SimulatorSettings.defaults().keys(StarterClient.KEYS).certificateMode(true).initialComplaints(1))) {
			assertThat(certificates.applicationProperties())
				.containsEntry("wechatpay.complaint.platform-certificates.enabled", "true")
				.containsEntry("wechatpay.complaint.platform-certificates.trust-anchor",
						certificates.keys().platformCaCertificatePem())
				.doesNotContainKey("wechatpay.complaint.wechatpay-public-key.id");
			assertThat(certificates.keys().platformCertificate().getIssuerX500Principal())
				.isEqualTo(certificates.keys().platformCaCertificate().getSubjectX500Principal());
			StarterClient.runner(certificates).run((context) -> {
				StarterClient.assertStarted(context);
				String list = get(StarterClient.client(context),
						"/v3/merchant-service/complaints-v2?limit=10&" + StarterClient.listQuery());
				assertThat(list).contains(certificates.complaints().get(0).getId());
				assertThat(context.getBean(PlatformCertificateManager.class).getCertificates())
					.containsOnlyKeys(certificates.keys().platformCertificateSerial());
			});
		}
	}

	private static void assertUploadRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable upload,
			String field) {
		assertThatExceptionOfType(WechatPayApiException.class).isThrownBy(upload).satisfies((ex) -> {
			assertThat(ex.getCode()).isEqualTo("PARAM_ERROR");
			assertThat(ex.getDetail()).containsEntry("field", field);
		});
	}

	static String upload(RestClient client, String path, String filename, byte[] bytes, String sha256) {
		String meta = "{\"filename\":\"" + filename + "\",\"sha256\":\"" + sha256 + "\"}";
		HttpHeaders metaHeaders = new HttpHeaders();
		metaHeaders.setContentType(MediaType.APPLICATION_JSON);
		HttpHeaders fileHeaders = new HttpHeaders();
		fileHeaders.setContentType(MediaType.IMAGE_PNG);
		fileHeaders.setContentDispositionFormData("file", filename);
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("meta", new HttpEntity<>(meta, metaHeaders));
		form.add("file", new HttpEntity<>(new ByteArrayResource(bytes), fileHeaders));
		return client.post()
			.uri(path)
			.attribute(WechatPaySigningInterceptor.SIGNED_BODY_ATTRIBUTE, meta)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.body(String.class);
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
