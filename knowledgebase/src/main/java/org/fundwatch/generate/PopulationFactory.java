package org.fundwatch.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

import org.fundwatch.generate.CatalogRecords.ChronicDisease;

/**
 * Creates synthetic insured persons: age pyramid (about 18% under 18, a few newborns, 22% aged 60+),
 * 职工 (310) for most working-age adults and 城乡居民 (390) otherwise, 门诊慢特病 for about 30% of
 * those aged 45+. Names and ID numbers are synthetic (ID check digits per GB 11643 so validators accept them).
 */
final class PopulationFactory {
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "高", "林", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
        "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "文", "红"};
    private static final String[] EMPLOYERS = {"示例市机械制造有限公司", "示例市第一中学", "示例物流股份有限公司",
        "示例市人民政府办公室", "示例科技有限公司", "示例商贸有限公司"};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final World world;

    PopulationFactory(World world) {
        this.world = world;
    }

    Person create(int index, SplittableRandom r) {
        LocalDate start = world.config.start();
        double a = r.nextDouble();
        int ageYears;
        if (a < 0.01) {
            ageYears = 0;
        } else if (a < 0.18) {
            ageYears = 1 + r.nextInt(17);
        } else if (a < 0.78) {
            ageYears = 18 + r.nextInt(42);
        } else {
            ageYears = 60 + r.nextInt(31);
        }
        LocalDate birth = ageYears == 0 ? start.minusDays(1 + r.nextInt(20)) : start.minusYears(ageYears).minusDays(r.nextInt(365));
        String gender = r.nextBoolean() ? "1" : "2";
        String region = world.regions.get(index % world.regions.size());
        boolean employee = ageYears >= 18 && (ageYears < 60 ? r.nextDouble() < 0.65 : r.nextDouble() < 0.45);
        String insutype = employee ? "310" : "390";
        String personType;
        if (employee) {
            personType = ageYears >= 60 ? "1201" : "1101";
        } else if (ageYears == 0) {
            personType = "1401";
        } else if (ageYears < 7) {
            personType = "1402";
        } else if (ageYears < 18) {
            personType = "1403";
        } else {
            personType = ageYears >= 60 ? "16" : "1501";
        }
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)]
                + (r.nextBoolean() ? GIVEN[r.nextInt(GIVEN.length)] : "");
        String psnNo = region + Money.zeroPad(index + 1L, 14);
        String certno = certno(region, birth, index, gender);
        long balance = employee ? 20_000 + r.nextInt(500_000) : 0;
        Person p = new Person(index, psnNo, name, certno, gender, birth, insutype, personType, region,
                employee ? EMPLOYERS[r.nextInt(EMPLOYERS.length)] : "", balance);
        if (ageYears >= 45 && !world.chronicDiseases.isEmpty() && r.nextDouble() < 0.3) {
            ChronicDisease d = World.pick(world.chronicDiseases, r);
            p.chronicDisease = d;
            p.chronicDiagnosis = World.pick(world.chronicDiagnoses.get(d.mCode()), r);
        }
        if (ageYears >= 60 && r.nextDouble() < world.config.days() * 0.00008) {
            p.deathDate = start.plusDays(1 + r.nextInt(world.config.days()));
        }
        return p;
    }

    private static String certno(String region, LocalDate birth, int index, String gender) {
        int seq = (index % 499) * 2 + ("1".equals(gender) ? 1 : 0);
        String body = region + Money.zeroPad(birth.getYear(), 4) + Money.zeroPad(birth.getMonthValue(), 2)
                + Money.zeroPad(birth.getDayOfMonth(), 2) + Money.zeroPad(seq % 1000, 3);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK[sum % 11];
    }
}
