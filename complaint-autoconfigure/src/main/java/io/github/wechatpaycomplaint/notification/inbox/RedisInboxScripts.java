package io.github.wechatpaycomplaint.notification.inbox;

import java.util.List;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts of {@link RedisNotificationInbox}, one per operation, each atomic on
 * the Redis server. Every script gets the inbox's fixed keys as {@code KEYS} and the key
 * prefix as {@code ARGV[1]}; the keys of entries and complaints it derives from the
 * prefix share its hash tag, so they live in the same Cluster slot.
 *
 * <p>
 * The keys, under the prefix:
 * <ul>
 * <li>{@code ids}: hash of (merchant name, notification id) to the entry's sequence
 * member, the de-duplication; it keeps done entries until they are purged.</li>
 * <li>{@code seq}: the arrival counter.</li>
 * <li>{@code e:<member>}: hash of one open (pending or parked) entry, the JDBC inbox's
 * columns. A done entry's hash is deleted at once: only its key stays, in {@code ids} and
 * {@code done}.</li>
 * <li>{@code c:<complaint>}: sorted set of the complaint's open entries, scored by create
 * time in ms; members are the zero-padded sequence, so equal scores sort by arrival.</li>
 * <li>{@code schedule}: sorted set of complaints with an entry that may be handed out,
 * scored by when: the lease end of the claimed entry, else the next attempt of the
 * complaint's first entry. A complaint whose first entry is parked is not on it.</li>
 * <li>{@code holders}: hash of complaint to the member of its claimed entry, at most
 * one.</li>
 * <li>{@code pending} (scored by when attempts started: recording or replay, then the
 * first claim; for the backlog), {@code failed} (by create time, for listing),
 * {@code done} (the ids of done entries, by recording time, for the purge).</li>
 * </ul>
 * Members are the sequence as 16 digits; complaints and ids are
 * {@code <byte length of merchant name>:<merchant name><id>}, which no two pairs share.
 */
final class RedisInboxScripts {

	/** The fixed keys, in the order the scripts expect them as {@code KEYS}. */
	static final List<String> KEY_NAMES = List.of("ids", "seq", "schedule", "holders", "pending", "failed", "done");

	private static final String PRELUDE = """
			-- Effects replication (the only kind from Redis 7 on), so that a script may read TIME
			-- and write after it.
			if redis.replicate_commands then redis.replicate_commands() end
			local P = ARGV[1]
			local IDS, SEQ, SCHEDULE, HOLDERS = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
			local PENDING, FAILED, DONE = KEYS[5], KEYS[6], KEYS[7]
			local function entryKey(member) return P .. 'e:' .. member end
			local function complaintKey(complaint) return P .. 'c:' .. complaint end
			local function pairKey(merchant, id) return #merchant .. ':' .. merchant .. id end
			-- The time in ms: the one given (an instance's clock, for tests), else the server's, so
			-- that instances whose clocks disagree honour each other's leases and due times.
			local function clockNow(given)
				if given and given ~= '' then return tonumber(given) end
				local time = redis.call('TIME')
				return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			end
			-- Puts the complaint on the schedule at the time its next entry may be handed out,
			-- or takes it off when none may be.
			local function reschedule(complaint)
				local holder = redis.call('HGET', HOLDERS, complaint)
				if holder then
					local lease = redis.call('HGET', entryKey(holder), 'lease_until')
					if lease then
						redis.call('ZADD', SCHEDULE, lease, complaint)
						return
					end
					redis.call('HDEL', HOLDERS, complaint)
				end
				local head = redis.call('ZRANGE', complaintKey(complaint), 0, 0)[1]
				if head then
					local due = redis.call('HMGET', entryKey(head), 'status', 'next_attempt_at')
					if due[1] == 'PENDING' then
						redis.call('ZADD', SCHEDULE, due[2], complaint)
						return
					end
				end
				redis.call('ZREM', SCHEDULE, complaint)
			end
			-- Keeps only the key of a done entry, until the purge.
			local function finish(member, entry, complaint)
				local kept = redis.call('HMGET', entry, 'recorded_at', 'merchant_name', 'notification_id')
				redis.call('ZREM', complaintKey(complaint), member)
				redis.call('ZREM', PENDING, member)
				redis.call('ZREM', FAILED, member)
				redis.call('ZADD', DONE, kept[1], pairKey(kept[2], kept[3]))
				redis.call('DEL', entry)
			end
			""";

	/**
	 * ARGV: prefix, now (empty for the server's time), then field and value pairs of the
	 * notification. Answers 1 when recorded, 0 for a duplicate.
	 */
	static final RedisScript<Long> RECORD = script("""
			local fields = {}
			for i = 3, #ARGV, 2 do fields[ARGV[i]] = ARGV[i + 1] end
			local id = pairKey(fields.merchant_name, fields.notification_id)
			if redis.call('HEXISTS', IDS, id) == 1 then return 0 end
			local member = string.format('%016d', redis.call('INCR', SEQ))
			local complaint = pairKey(fields.merchant_name, fields.complaint_id)
			local now = clockNow(ARGV[2])
			redis.call('HSET', IDS, id, member)
			redis.call('HSET', entryKey(member), unpack(ARGV, 3))
			redis.call('HSET', entryKey(member), 'complaint', complaint, 'status', 'PENDING', 'attempts', 0,
				'recorded_at', now, 'attempts_since', now, 'next_attempt_at', now)
			redis.call('ZADD', complaintKey(complaint), fields.create_time_ms, member)
			redis.call('ZADD', PENDING, now, member)
			reschedule(complaint)
			return 1""", Long.class);

	/**
	 * ARGV: prefix, now (empty for the server's time), lease in ms, the most complaints
	 * to look at, then one new claim token per entry wanted. Answers {member, fields...}
	 * per claimed entry.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> CLAIM = script("""
			local now = clockNow(ARGV[2])
			local leaseUntil = now + tonumber(ARGV[3])
			local lookLimit = tonumber(ARGV[4])
			local wanted = #ARGV - 4
			local claimed = {}
			local looked = 0
			while #claimed < wanted and looked < lookLimit do
				local due = redis.call('ZRANGEBYSCORE', SCHEDULE, '-inf', now, 'LIMIT', 0, wanted - #claimed)
				if #due == 0 then break end
				for _, complaint in ipairs(due) do
					looked = looked + 1
					local holder = redis.call('HGET', HOLDERS, complaint)
					local lease = holder and tonumber(redis.call('HGET', entryKey(holder), 'lease_until'))
					if lease and lease > now then
						redis.call('ZADD', SCHEDULE, lease, complaint)
					else
						-- A claim that ran out no longer holds the complaint back.
						redis.call('HDEL', HOLDERS, complaint)
						local head = redis.call('ZRANGE', complaintKey(complaint), 0, 0)[1]
						local state = head and redis.call('HMGET', entryKey(head), 'status', 'next_attempt_at')
						if state and state[1] == 'PENDING' and tonumber(state[2]) <= now then
							local entry = entryKey(head)
							redis.call('HSET', entry, 'claim_token', ARGV[5 + #claimed], 'lease_until', leaseUntil)
							-- The maximum age counts from the first pass, not from the recording: an
							-- entry held back behind others of its complaint has not been tried yet.
							if redis.call('HINCRBY', entry, 'attempts', 1) == 1 then
								redis.call('HSET', entry, 'attempts_since', now)
								redis.call('ZADD', PENDING, now, head)
							end
							redis.call('HSET', HOLDERS, complaint, head)
							redis.call('ZADD', SCHEDULE, leaseUntil, complaint)
							claimed[#claimed + 1] = { head, redis.call('HGETALL', entry) }
						else
							reschedule(complaint)
						end
					end
				end
			end
			return claimed""", List.class);

	/**
	 * ARGV: prefix, member, claim token, outcome ({@code done}, {@code retry},
	 * {@code park} or {@code release}), delay of the next attempt in ms, last error, now
	 * (empty for the server's time). Answers 1 when the token still held the entry.
	 */
	static final RedisScript<Long> OUTCOME = script(
			"""
					local member, outcome = ARGV[2], ARGV[4]
					local entry = entryKey(member)
					local state = redis.call('HMGET', entry, 'status', 'claim_token', 'complaint', 'create_time_ms')
					if state[1] ~= 'PENDING' or state[2] ~= ARGV[3] then return 0 end
					local complaint = state[3]
					redis.call('HDEL', entry, 'claim_token', 'lease_until')
					if redis.call('HGET', HOLDERS, complaint) == member then redis.call('HDEL', HOLDERS, complaint) end
					if outcome == 'done' then
						finish(member, entry, complaint)
					elseif outcome == 'retry' then
						redis.call('HSET', entry, 'next_attempt_at', clockNow(ARGV[7]) + tonumber(ARGV[5]), 'last_error', ARGV[6])
					elseif outcome == 'park' then
						redis.call('HSET', entry, 'status', 'FAILED', 'last_error', ARGV[6])
						redis.call('ZREM', PENDING, member)
						redis.call('ZADD', FAILED, state[4], member)
					else
						redis.call('HINCRBY', entry, 'attempts', -1)
					end
					reschedule(complaint)
					return 1""",
			Long.class);

	/**
	 * ARGV: prefix, member, claim token, lease in ms, now (empty for the server's time).
	 * Answers 1 when the token still held the entry and its complaint.
	 */
	static final RedisScript<Long> RENEW = script("""
			local member = ARGV[2]
			local state = redis.call('HMGET', entryKey(member), 'status', 'claim_token', 'complaint')
			if state[1] ~= 'PENDING' or state[2] ~= ARGV[3] then return 0 end
			local holder = redis.call('HGET', HOLDERS, state[3])
			if holder and holder ~= member then return 0 end
			local leaseUntil = clockNow(ARGV[5]) + tonumber(ARGV[4])
			redis.call('HSET', entryKey(member), 'lease_until', leaseUntil)
			redis.call('HSET', HOLDERS, state[3], member)
			redis.call('ZADD', SCHEDULE, leaseUntil, state[3])
			return 1""", Long.class);

	/**
	 * ARGV: prefix, now (empty for the server's time), the most entries, then optionally
	 * merchant name and notification id of the one entry. Answers the number replayed.
	 */
	static final RedisScript<Long> REPLAY = script("""
			local now = clockNow(ARGV[2])
			local members
			if ARGV[4] then
				local member = redis.call('HGET', IDS, pairKey(ARGV[4], ARGV[5]))
				members = member and { member } or {}
			else
				members = redis.call('ZRANGE', FAILED, 0, tonumber(ARGV[3]) - 1)
			end
			local replayed = 0
			for _, member in ipairs(members) do
				local entry = entryKey(member)
				if redis.call('HGET', entry, 'status') == 'FAILED' then
					redis.call('HSET', entry, 'status', 'PENDING', 'attempts', 0, 'attempts_since', now,
						'next_attempt_at', now)
					redis.call('ZREM', FAILED, member)
					redis.call('ZADD', PENDING, now, member)
					reschedule(redis.call('HGET', entry, 'complaint'))
					replayed = replayed + 1
				end
			end
			return replayed""", Long.class);

	/** ARGV: prefix, merchant name, notification id. Answers 1 when it was parked. */
	static final RedisScript<Long> DISCARD = script("""
			local member = redis.call('HGET', IDS, pairKey(ARGV[2], ARGV[3]))
			if not member then return 0 end
			local entry = entryKey(member)
			local state = redis.call('HMGET', entry, 'status', 'complaint')
			if state[1] ~= 'FAILED' then return 0 end
			finish(member, entry, state[2])
			reschedule(state[2])
			return 1""", Long.class);

	/**
	 * ARGV: prefix, the most entries. Answers {member, fields...} per parked entry,
	 * oldest first.
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> FAILED = script("""
			local listed = {}
			for _, member in ipairs(redis.call('ZRANGE', FAILED, 0, tonumber(ARGV[2]) - 1)) do
				listed[#listed + 1] = { member, redis.call('HGETALL', entryKey(member)) }
			end
			return listed""", List.class);

	/**
	 * ARGV: prefix. Answers pending count, parked count, and when the oldest pending
	 * entry's attempts started (empty when none).
	 */
	@SuppressWarnings("rawtypes")
	static final RedisScript<List> BACKLOG = script("""
			local oldest = redis.call('ZRANGE', PENDING, 0, 0, 'WITHSCORES')[2] or ''
			return { tostring(redis.call('ZCARD', PENDING)), tostring(redis.call('ZCARD', FAILED)), oldest }""",
			List.class);

	/**
	 * ARGV: prefix, recorded before (exclusive, ms), the most entries. Answers the number
	 * forgotten.
	 */
	static final RedisScript<Long> PURGE = script("""
			local ids = redis.call('ZRANGEBYSCORE', DONE, '-inf', '(' .. ARGV[2], 'LIMIT', 0, tonumber(ARGV[3]))
			for _, id in ipairs(ids) do
				redis.call('HDEL', IDS, id)
				redis.call('ZREM', DONE, id)
			end
			return #ids""", Long.class);

	private RedisInboxScripts() {
	}

	private static <T> RedisScript<T> script(String body, Class<T> resultType) {
		return RedisScript.of(PRELUDE + body, resultType);
	}

}
