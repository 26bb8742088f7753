"""The standard contract template's texts (used by the data migration and the services)."""

DEFAULT_TEMPLATE_NAME = "政府购买服务合同（标准文本）"
DEFAULT_TEMPLATE_FIELDS = dict(
    quality_default="服务符合《政府购买服务管理办法》及本合同约定的服务标准，服务对象满意率不低于90%。",
    settlement_default="按本合同付款计划分期支付，乙方开具合规票据后由甲方转账支付。",
    rights_duties_default=(
        "甲方有权监督检查服务实施情况，按约定支付服务费用；乙方应按约定提供服务、"
        "接受监督和绩效评价，专款专用，按时报送进度报告。"
    ),
    breach_default=(
        "乙方未按约定提供服务或绩效评价不合格的，甲方有权暂停或停止支付并追回已付资金；"
        "甲方无正当理由逾期付款的，应承担相应责任。"
    ),
    evaluation_clause="<p>甲方组织中期评估和结项评价，可委托第三方机构实施，评价结果作为付款依据。</p>",
    dispute_clause="<p>双方协商解决；协商不成的，向甲方所在地人民法院提起诉讼。</p>",
)
