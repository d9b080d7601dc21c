/* FPU context test: float-heavy threads time-sliced against each other keep their results. */
#include "ktest.h"

#define FPU_CHUNK      2000 /* float iterations per round */
#define FPU_MIN_ROUNDS 20
#define FPU_MIN_SEEN   3 /* rounds in which the other thread was seen making progress */
#define FPU_TIME_LIMIT (3 * RT_TICK_PER_SECOND)

struct fpu_job {
    float seed;
    float expected; /* fpu_mix(seed) computed alone, before the threads start */
    volatile rt_uint32_t rounds;
    rt_uint32_t bad_results;
    rt_uint32_t bad_regs;
    rt_uint32_t seen_other;
    volatile int finished;
    struct fpu_job *other;
};

static struct fpu_job s_jobs[2];

/* noinline: every caller must run the very same instructions (FMA contraction differs). */
static __attribute__((noinline)) float fpu_mix(float seed)
{
    float a = seed, b = seed * 0.5f, c = 1.0f / seed, d = seed - 3.0f;

    for (int i = 0; i < FPU_CHUNK; i++) {
        a = a * 0.999f + b * 0.001f;
        b = b * 1.0001f - c * 0.0001f;
        c = c + a * 1e-4f - d * 1e-5f;
        d = d * 0.9999f + (float)i * 1e-6f;
    }
    return a + b + c + d;
}

#if defined(__arm__) && defined(__ARM_FP)
#define FPU_REG_SPINS 20000

/*
 * Load all 32 single-precision registers, spin without touching the FPU (a context switch to
 * the other FPU thread lands here), then store them back: every value must be unchanged.
 */
static rt_uint32_t fpu_regs_check(float base)
{
    float in[32], out[32];
    rt_uint32_t spins = FPU_REG_SPINS, bad = 0;
    float *pin = in, *pout = out;

    for (int i = 0; i < 32; i++) {
        in[i] = base + (float)i * 0.25f;
    }
    __asm__ volatile("vldmia %[in], {s0-s31}\n"
                     "1: subs %[n], %[n], #1\n"
                     "bne 1b\n"
                     "vstmia %[out], {s0-s31}\n"
                     : [n] "+r"(spins)
                     : [in] "r"(pin), [out] "r"(pout)
                     : "memory", "cc", "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9",
                       "s10", "s11", "s12", "s13", "s14", "s15", "s16", "s17", "s18", "s19", "s20",
                       "s21", "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30", "s31");
    for (int i = 0; i < 32; i++) {
        bad += rt_memcmp(&in[i], &out[i], sizeof(float)) != 0;
    }
    return bad;
}
#else
static rt_uint32_t fpu_regs_check(float base)
{
    return 0; /* register-level check is Cortex-M specific; fpu_mix covers the rest */
}
#endif

static void fpu_worker(void *arg)
{
    struct fpu_job *job = arg;
    rt_tick_t start = rt_tick_get();
    rt_uint32_t other_last = job->other->rounds;

    /* Once the other thread is done there is nothing left to interleave with. */
    while ((job->rounds < FPU_MIN_ROUNDS ||
            (job->seen_other < FPU_MIN_SEEN && !job->other->finished)) &&
           kt_elapsed(start) < FPU_TIME_LIMIT) {
        float r = fpu_mix(job->seed);

        job->bad_results += rt_memcmp(&r, &job->expected, sizeof(r)) != 0;
        job->bad_regs += fpu_regs_check(job->seed * 10.0f);
        job->rounds++;
        if (job->other->rounds != other_last) {
            job->seen_other++;
            other_last = job->other->rounds;
        }
    }
    job->finished = 1;
}

static void test_fpu_threads_keep_registers(void)
{
    struct kt_worker w[2];

    rt_memset(s_jobs, 0, sizeof(s_jobs));
    s_jobs[0].seed = 1.75f;
    s_jobs[1].seed = -42.5f;
    for (int i = 0; i < 2; i++) {
        s_jobs[i].expected = fpu_mix(s_jobs[i].seed);
        s_jobs[i].other = &s_jobs[1 - i];
    }
    uassert_true(rt_memcmp(&s_jobs[0].expected, &s_jobs[1].expected, sizeof(float)) != 0);
    /*
     * Same priority, 1-tick slices: the tick preempts one FPU thread in favour of the other.
     * Both are less urgent than this thread, so both exist before either runs.
     */
    uassert_int_equal(kt_worker_start(&w[0], "fpu_a", fpu_worker, &s_jobs[0], kt_prio(1), 1),
                      RT_EOK);
    uassert_int_equal(kt_worker_start(&w[1], "fpu_b", fpu_worker, &s_jobs[1], kt_prio(1), 1),
                      RT_EOK);
    uassert_true(kt_worker_join(&w[0], FPU_TIME_LIMIT + RT_TICK_PER_SECOND));
    uassert_true(kt_worker_join(&w[1], FPU_TIME_LIMIT + RT_TICK_PER_SECOND));
    for (int i = 0; i < 2; i++) {
        uassert_int_equal(s_jobs[i].bad_results, 0);
        uassert_int_equal(s_jobs[i].bad_regs, 0);
        uassert_true(s_jobs[i].rounds >= FPU_MIN_ROUNDS);
    }
    /* They really interleaved (else the test proves nothing). */
    uassert_true(s_jobs[0].seen_other + s_jobs[1].seen_other >= FPU_MIN_SEEN);
}

/* A float value held in a callee-saved register across blocking calls survives them. */
static void test_fpu_value_across_sleep(void)
{
    volatile float keep = 3.5f;
    float acc = 0.0f;

    for (int i = 0; i < 5; i++) {
        acc += keep * (float)i;
        rt_thread_mdelay(2);
    }
    uassert_true(acc == 35.0f);
}

static void fpu_testcase(void)
{
    UTEST_UNIT_RUN(test_fpu_threads_keep_registers);
    UTEST_UNIT_RUN(test_fpu_value_across_sleep);
}
UTEST_TC_EXPORT(fpu_testcase, "testcases.kernel.fpu_tc", RT_NULL, RT_NULL, 20);
