package org.fundwatch.message.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.fundwatch.message.MessageParser;
import org.fundwatch.message.ParseResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link MessageParser#parse(byte[])} on a 3101 request shaped like the shared sample
 * (one patient, one encounter, 2 diagnoses, 2 orders), valid and with a type error. Run:
 * {@code java -cp <jar> org.openjdk.jmh.Main MessageParserBenchmark -f 1 -wi 2 -i 3 -w 1s -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class MessageParserBenchmark {
    static final String REQUEST = """
            {"infno":"3101","msgid":"H43079600001202506141427240001","mdtrtarea_admvs":"430799","insuplc_admdvs":"430796",
             "recer_sys_code":"YBXT","infver":"V1.0","opter_type":"1","opter":"D430796000001","opter_name":"张医生",
             "inf_time":"2025-06-14 14:27:24","fixmedins_code":"H43079600001","fixmedins_name":"示例市第二人民医院","sign_no":"",
             "input":{"data":{"rule_ids":[],"trig_scen":"4","patient_dtos":[{"patn_id":"43079600000000012345","patn_name":"王某",
             "gend":"1","brdy":"1951-08-27","poolarea":"430796","curr_mdtrt_id":"MDT20250504000123","fsi_encounter_dtos":[{
             "mdtrt_id":"MDT20250504000123","medins_id":"H43079600001","medins_name":"示例市第二人民医院","medins_admdvs":"430796",
             "medins_type":"1","medins_lv":"02","adm_date":"2025-05-04 10:59:45","dscg_date":null,"dscg_main_dise_codg":"M10.000",
             "dscg_main_dise_name":"痛风","dr_codg":"D430796000001","adm_dept_codg":"A07","adm_dept_name":"骨科","med_mdtrt_type":"2",
             "med_type":"21","matn_stas":"0","medfee_sumamt":0,"ownpay_amt":0,"selfpay_amt":0,"setl_totlnum":0,"insutype":"390",
             "reim_flag":"0","out_setl_flag":"0","fsi_diagnose_dtos":[
             {"dise_id":"1","inout_dise_type":"1","maindise_flag":"1","dias_srt_no":1,"dise_codg":"M10.000","dise_name":"痛风","dise_date":"2025-05-04 11:20:00"},
             {"dise_id":"2","inout_dise_type":"1","maindise_flag":"0","dias_srt_no":2,"dise_codg":"M17.900","dise_name":"膝关节病","dise_date":"2025-05-04 11:20:00"}],
             "fsi_operation_dtos":[],"fsi_order_dtos":[
             {"rx_id":"RX0001","rxno":"IP202506140000022","long_drord_flag":"0","hilist_type":"101","chrg_type":"09","drord_bhvr":"0",
              "hilist_code":"XG02BAZ061Z007010279543","hilist_name":"左炔诺孕酮宫内节育系统","hilist_lv":"2","hosplist_code":"XY1346",
              "cnt":1,"pric":1153.00,"sumamt":1153.00,"ownpay_amt":0,"selfpay_amt":0,"spec":"52mg","spec_unt":"盒",
              "drord_begn_date":"2025-06-14 14:25:52","drord_dept_codg":"A07","drord_dr_codg":"D430796000001","curr_drord_flag":"1"},
             {"rx_id":"RX0002","rxno":"IP202505220000142","long_drord_flag":"1","hilist_type":"101","chrg_type":"09","drord_bhvr":"0",
              "hilist_code":"XA11DAW036A001010104127","hilist_name":"维生素B1片","hilist_lv":"2","hosplist_code":"XY1065",
              "cnt":1,"pric":0.10,"sumamt":0.10,"ownpay_amt":0,"selfpay_amt":0,"spec":"10mg*100片/瓶","spec_unt":"瓶",
              "drord_begn_date":"2025-05-22 19:47:03","drord_dept_codg":"A07","drord_dr_codg":"D430796000002","curr_drord_flag":"0"}]}]}]}}}
            """;

    private final MessageParser parser = new MessageParser();
    private final byte[] valid = REQUEST.getBytes(StandardCharsets.UTF_8);
    private final byte[] invalid = REQUEST.replace("\"sumamt\":0.10", "\"sumamt\":\"abc\"").getBytes(StandardCharsets.UTF_8);

    @Benchmark
    public ParseResult parseValid() {
        return parser.parse(valid);
    }

    @Benchmark
    public ParseResult parseInvalid() {
        return parser.parse(invalid);
    }
}
