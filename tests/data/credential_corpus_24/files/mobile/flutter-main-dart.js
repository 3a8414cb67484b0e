(function dartProgram(){function copyProperties(a,b){var s=Object.keys(a)
for(var r=0;r<s.length;r++){var q=s[r]
b[q]=a[q]}}
B.o5=new A.aP("https://api.asaas.com/v3","⟦fl.asaas⟧")
B.o6=new A.aP("https://api.iugu.com/v1","⟦fl.iugu⟧")
B.o7=new A.bZ("⟦fl.hash⟧")
})()
