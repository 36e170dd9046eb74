package org.fundwatch.pack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates the SYNTHETIC institution and doctor registries: about 60 institutions in real county-level admdvs
 * regions of four provinces (Beijing, Jiangsu/Suzhou, Hubei/Wuhan, Hunan/Changsha — the cities whose DRG payment
 * tables the pack carries), levels 1–3, some with internet-care qualification and supplementary agreement, and
 * 5–15 doctors each in departments coded after the national 诊疗科目 list. Fixed seed: the same build gives the
 * same registry. Names are generic (第N人民医院, 社区卫生服务中心) so that no real institution is implied.
 */
final class SyntheticRegistry {
    static final long SEED = 20250101L;

    private record Region(String admdvs, String city, String district) {}

    private record Dept(String code, String name) {}

    private static final List<Region> REGIONS = List.of(
            new Region("110101", "北京", "东城区"), new Region("110102", "北京", "西城区"),
            new Region("110105", "北京", "朝阳区"), new Region("110106", "北京", "丰台区"),
            new Region("110108", "北京", "海淀区"),
            new Region("320505", "苏州", "虎丘区"), new Region("320506", "苏州", "吴中区"),
            new Region("320508", "苏州", "姑苏区"), new Region("320582", "苏州", "张家港市"),
            new Region("420102", "武汉", "江岸区"), new Region("420106", "武汉", "武昌区"),
            new Region("420111", "武汉", "洪山区"), new Region("420115", "武汉", "江夏区"),
            new Region("430102", "长沙", "芙蓉区"), new Region("430104", "长沙", "岳麓区"),
            new Region("430105", "长沙", "开福区"), new Region("430121", "长沙", "长沙县"));

    /** Departments after the national 诊疗科目 codes (A03.01 = 内科/呼吸内科专业 …). */
    private static final List<Dept> GENERAL_DEPTS = List.of(
            new Dept("A02", "全科医疗科"), new Dept("A03.01", "呼吸内科"), new Dept("A03.02", "消化内科"),
            new Dept("A03.03", "神经内科"), new Dept("A03.04", "心血管内科"), new Dept("A03.05", "血液内科"),
            new Dept("A03.06", "肾病学专业"), new Dept("A03.07", "内分泌科"), new Dept("A04.01", "普通外科"),
            new Dept("A04.02", "神经外科"), new Dept("A04.03", "骨科"), new Dept("A04.04", "泌尿外科"),
            new Dept("A04.05", "胸外科"), new Dept("A05.01", "妇科"), new Dept("A05.02", "产科"),
            new Dept("A07", "儿科"), new Dept("A10", "眼科"), new Dept("A11", "耳鼻咽喉科"), new Dept("A12", "口腔科"),
            new Dept("A13", "皮肤科"), new Dept("A19", "肿瘤科"), new Dept("A20", "急诊医学科"),
            new Dept("A21", "康复医学科"), new Dept("A26", "麻醉科"), new Dept("A28", "重症医学科"),
            new Dept("A50", "中医科"));
    private static final List<Dept> TCM_DEPTS = List.of(new Dept("A50.01", "中医内科"),
            new Dept("A50.02", "中医外科"), new Dept("A50.03", "中医妇产科"), new Dept("A50.04", "中医儿科"),
            new Dept("A50.12", "针灸科"), new Dept("A50.13", "推拿科"), new Dept("A50.14", "中医康复科"),
            new Dept("A20", "急诊医学科"));
    private static final List<Dept> MCH_DEPTS = List.of(new Dept("A05.01", "妇科"), new Dept("A05.02", "产科"),
            new Dept("A07", "儿科"), new Dept("A07.01", "新生儿专业"), new Dept("A06", "妇女保健科"),
            new Dept("A08", "儿童保健科"));
    private static final List<Dept> PRIMARY_DEPTS = List.of(new Dept("A02", "全科医疗科"),
            new Dept("A01", "预防保健科"), new Dept("A03", "内科"), new Dept("A50", "中医科"),
            new Dept("A12", "口腔科"), new Dept("A21", "康复医学科"));

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉鹏玲红丹宇浩然晨曦欣怡子涵梓轩思远博文雅琪佳怡俊杰志强海燕立新永红春梅晓东国庆";

    private SyntheticRegistry() {
    }

    /** Institutions (≈60) and their doctors, generated together so that doctors reference real institutions. */
    record Registry(List<Institution> institutions, List<Doctor> doctors) {}

    static Registry generate() {
        Random random = new Random(SEED);
        List<Institution> institutions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int[] cityHospitalNo = new int[1];
        String lastCity = "";
        for (Region region : REGIONS) {
            if (!region.city().equals(lastCity)) {
                lastCity = region.city();
                cityHospitalNo[0] = 0;
                // city-level specialist institutions, registered in the first (central) district
                add(institutions, names, random, region, region.city() + "市中医医院", 3, "中医医院");
                add(institutions, names, random, region, region.city() + "市妇幼保健院", 3, "妇幼保健院");
                add(institutions, names, random, region, region.city() + "市康复医院", 2, "专科医院");
                add(institutions, names, random, region, region.city() + "云医互联网医院", 2, "互联网医院");
            }
            cityHospitalNo[0]++;
            add(institutions, names, random, region,
                    region.city() + "市第" + chineseNumber(cityHospitalNo[0]) + "人民医院", 3, "综合医院");
            add(institutions, names, random, region, region.city() + region.district() + "人民医院", 2, "综合医院");
            add(institutions, names, random, region,
                    region.city() + region.district() + STREETS[random.nextInt(STREETS.length)] + "社区卫生服务中心",
                    1, "社区卫生服务中心");
        }
        List<Doctor> doctors = new ArrayList<>();
        Set<String> doctorCodes = new HashSet<>();
        for (Institution institution : institutions) {
            int count = switch (institution.level()) {
                case 1 -> 5 + random.nextInt(3);
                case 2 -> 8 + random.nextInt(5);
                default -> 12 + random.nextInt(4);
            };
            List<Dept> depts = switch (institution.type()) {
                case "中医医院" -> TCM_DEPTS;
                case "妇幼保健院" -> MCH_DEPTS;
                case "社区卫生服务中心" -> PRIMARY_DEPTS;
                case "专科医院" -> List.of(new Dept("A21", "康复医学科"), new Dept("A21.01", "神经康复"),
                        new Dept("A21.02", "骨科康复"), new Dept("A50.14", "中医康复科"));
                default -> GENERAL_DEPTS;
            };
            for (int i = 0; i < count; i++) {
                String code;
                do {
                    code = "D" + institution.admdvs() + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
                } while (!doctorCodes.add(code));
                Dept dept = depts.get(random.nextInt(depts.size()));
                doctors.add(new Doctor(code, personName(random), institution.institutionCode(), dept.code(),
                        dept.name(), title(random, institution.level())));
            }
        }
        return new Registry(List.copyOf(institutions), List.copyOf(doctors));
    }

    private static final String[] STREETS = {"东华门街道", "新街口街道", "建外街道", "长安街道", "望亭镇", "金阊街道",
            "塘桥镇", "大智街道", "中华路街道", "关山街道", "纸坊街道", "定王台街道", "望月湖街道", "东风路街道",
            "星沙街道", "月坛街道", "中关村街道"};

    private static void add(List<Institution> institutions, Set<String> names, Random random, Region region,
                            String name, int level, String type) {
        if (!names.add(name)) {
            name = name.replace("社区卫生服务中心", "第二社区卫生服务中心");
            names.add(name);
        }
        String code = "H" + region.admdvs() + String.format(Locale.ROOT, "%05d", 10 + institutions.size() * 37
                + random.nextInt(30));
        boolean internet = "互联网医院".equals(type) || (level == 3 && random.nextInt(100) < 60)
                || (level == 2 && random.nextInt(100) < 20);
        // a supplementary agreement (医保支付补充协议) is signed by most, not all, qualified internet providers
        boolean agreement = internet && random.nextInt(100) < 75;
        institutions.add(new Institution(code, name, region.admdvs(), level, type, internet, agreement));
    }

    private static String personName(Random random) {
        char surname = SURNAMES.charAt(random.nextInt(SURNAMES.length()));
        int given = random.nextInt(3) == 0 ? 1 : 2;
        StringBuilder name = new StringBuilder().append(surname);
        for (int i = 0; i < given; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    private static String title(Random random, int level) {
        int r = random.nextInt(100);
        if (level == 1) {
            return r < 10 ? "副主任医师" : r < 45 ? "主治医师" : r < 90 ? "医师" : "医士";
        }
        return r < 15 ? "主任医师" : r < 40 ? "副主任医师" : r < 75 ? "主治医师" : "医师";
    }

    private static String chineseNumber(int n) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        return n <= 10 ? digits[n] : "十" + digits[n - 10];
    }
}
