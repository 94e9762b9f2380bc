package io.github.wechatpaycomplaint.multimerchant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookups read one state of the registry, which every change replaces as a whole: during
 * a key rotation the merchant is found under its old public key id or under its new one,
 * and by its merchant id, never under neither; listeners are told once the change is
 * visible; a refresh applies all its changes at once.
 */
class WechatPayMerchantsConsistencyTests {

	private static final String OLD_ID = "PUB_KEY_ID_0119000000022025112300000000000001";

	private static final String NEW_ID = "PUB_KEY_ID_0119000000022026112300000000000002";

	private static final String MERCHANT_ID = "1900000002";

	@AutoClose
	private final TestMerchantFactory factory = new TestMerchantFactory(new MutableClock(TestMerchantFactory.NOW),
			Duration.ofMinutes(1));

	private WechatPayMerchants merchants;

	@Test
	void whileARotationReleasesTheOldObjectsTheMerchantIsFoundUnderItsNewKeyIdAndItsMerchantId() throws Exception {
		CountDownLatch releasing = new CountDownLatch(1);
		CountDownLatch looked = new CountDownLatch(1);
		this.factory.resources((definition) -> () -> {
			releasing.countDown();
			looked.await(10, TimeUnit.SECONDS);
		});
		this.merchants = this.factory.registry(TestMerchantFactory.publicKeyMode("hk", 2, OLD_ID));
		this.merchants.components("hk");
		CompletableFuture<Void> rotation = CompletableFuture
			.runAsync(() -> this.merchants.put(TestMerchantFactory.publicKeyMode("hk", 2, NEW_ID)));
		try {
			assertThat(releasing.await(10, TimeUnit.SECONDS)).isTrue();
			// The put is under way: it releases the old merchant's objects.
			assertThat(Stream.of(OLD_ID, NEW_ID).map(this.merchants::nameOfPublicKeyId).filter(Objects::nonNull))
				.containsExactly("hk");
			assertThat(this.merchants.notificationMerchants().bySerial(NEW_ID)).isPresent();
			assertThat(this.merchants.findByMerchantId(MERCHANT_ID)).isPresent();
		}
		finally {
			looked.countDown();
		}
		rotation.get(10, TimeUnit.SECONDS);
	}

	@Test
	void aReaderNeverSeesAHalfMadeRotation() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			ids.add(String.format("PUB_KEY_ID_01190000000220261123%016d", i));
		}
		this.merchants = this.factory.registry(TestMerchantFactory.publicKeyMode("hk", 2, ids.get(0)),
				TestMerchantFactory.publicKeyMode("cn", 1, "PUB_KEY_ID_0119000000012025112300000000000001"));
		AtomicBoolean rotating = new AtomicBoolean(true);
		AtomicInteger reads = new AtomicInteger();
		List<String> halfMade = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
			while (rotating.get() || reads.get() == 0) {
				MerchantIndex index = this.merchants.index();
				MerchantSlot byName = index.slot("hk");
				String keyId = byName.definition().wechatpayPublicKeyId();
				if (index.byMerchantId(MERCHANT_ID) != byName || index.byPublicKeyId(keyId) != byName
						|| index.names().size() != 2) {
					halfMade.add(keyId);
				}
				reads.incrementAndGet();
			}
		});
		for (String id : ids.subList(1, ids.size())) {
			this.merchants.put(TestMerchantFactory.publicKeyMode("hk", 2, id));
		}
		rotating.set(false);
		reader.get(10, TimeUnit.SECONDS);
		assertThat(halfMade).isEmpty();
		assertThat(reads).hasPositiveValue();
		assertThat(this.merchants.nameOfPublicKeyId(ids.get(ids.size() - 1))).isEqualTo("hk");
		assertThat(this.merchants.nameOfPublicKeyId(ids.get(0))).isNull();
	}

	@Test
	void listenersAreToldOnceTheChangeIsVisible() {
		this.merchants = this.factory.registry(TestMerchantFactory.publicKeyMode("hk", 2, OLD_ID));
		List<String> seen = new CopyOnWriteArrayList<>();
		this.merchants.addListener(new MerchantChangeListener() {

			@Override
			public void merchantAdded(MerchantDefinition merchant) {
				seen.add("added " + WechatPayMerchantsConsistencyTests.this.merchants.definition(merchant.name())
					.map(MerchantDefinition::merchantId)
					.orElse("missing"));
			}

			@Override
			public void merchantReplaced(MerchantDefinition previous, MerchantDefinition current) {
				WechatPayMerchants registry = WechatPayMerchantsConsistencyTests.this.merchants;
				seen.add("replaced " + registry.nameOfPublicKeyId(current.wechatpayPublicKeyId()) + " "
						+ registry.nameOfPublicKeyId(previous.wechatpayPublicKeyId()));
			}

			@Override
			public void merchantRemoved(MerchantDefinition merchant) {
				seen.add("removed "
						+ WechatPayMerchantsConsistencyTests.this.merchants.definition(merchant.name()).isPresent());
			}

		});
		this.merchants.put(TestMerchantFactory.publicKeyMode("sg", 3, "PUB_KEY_ID_0119000000032025112300000000000003"));
		this.merchants.put(TestMerchantFactory.publicKeyMode("hk", 2, NEW_ID));
		this.merchants.remove("sg");
		assertThat(seen).containsExactly("added 1900000003", "replaced hk null", "removed false");
	}

	@Test
	void aRefreshThatSwapsTwoMerchantsKeyIdsAppliesBothChangesAtOnce() {
		String mainId = "PUB_KEY_ID_0119000000012025112300000000000001";
		List<MerchantDefinition> stored = new CopyOnWriteArrayList<>(
				List.of(TestMerchantFactory.publicKeyMode("main", 1, mainId),
						TestMerchantFactory.publicKeyMode("hk", 2, OLD_ID)));
		this.merchants = this.factory.registry(() -> stored);
		List<String> replaced = new CopyOnWriteArrayList<>();
		this.merchants.addListener(new MerchantChangeListener() {

			@Override
			public void merchantReplaced(MerchantDefinition previous, MerchantDefinition current) {
				replaced.add(current.name());
			}

		});
		stored.clear();
		stored.add(TestMerchantFactory.publicKeyMode("main", 1, OLD_ID));
		stored.add(TestMerchantFactory.publicKeyMode("hk", 2, mainId));
		this.merchants.refresh();
		assertThat(this.merchants.nameOfPublicKeyId(OLD_ID)).isEqualTo("main");
		assertThat(this.merchants.nameOfPublicKeyId(mainId)).isEqualTo("hk");
		assertThat(replaced).containsExactlyInAnyOrder("main", "hk");
	}

}
